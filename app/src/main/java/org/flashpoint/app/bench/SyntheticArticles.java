package org.flashpoint.app.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flashpoint.contracts.Article;

/**
 * Benchmark input: wire-style articles of about 4 KiB about pairs of states, written from templates for this
 * benchmark (no real reporting), reproducible from a seed. A mix of hostile, conciliatory and neutral sentences so
 * that the analyzer, incident merging, indicators and alert rules all have work to do.
 */
public final class SyntheticArticles {

    /** Body text length the generator stops after; the JSON record then weighs about 4 KiB. */
    static final int TARGET_TEXT_CHARS = 3_700;

    // Country names (ISO 3166-1 short names, facts). Many states, so that no pair gathers an implausible share of a run.
    private static final String[] STATES = {"Iran", "Pakistan", "India", "China", "Russia", "Ukraine", "Armenia",
            "Azerbaijan", "Ethiopia", "Eritrea", "Greece", "Turkey", "Venezuela", "Colombia", "North Korea", "South Korea",
            "Afghanistan", "Sudan", "Egypt", "Serbia", "Croatia", "Japan", "Vietnam", "Philippines", "Morocco", "Algeria",
            "Israel", "Lebanon", "Syria", "Iraq", "Saudi Arabia", "Yemen", "Somalia", "Kenya", "Rwanda", "Uganda"};
    private static final String[] CITIES = {"Geneva", "Doha", "Vienna", "Ankara", "Muscat", "Astana", "Oslo", "Baku"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] SOURCES = {"wire-north", "wire-south", "wire-east", "wire-west", "daily-courier",
            "evening-ledger", "harbour-times", "plains-gazette"};
    private static final String[] HOSTILE = {
            "{A} said its artillery shelled positions held by {B} near the border on {DAY}, killing {N} soldiers.",
            "Troops from {A} and {B} exchanged fire overnight along the disputed frontier, officials in {A} said.",
            "{A} recalled its ambassador from {B} after the strike, the foreign ministry said in a statement.",
            "The government of {B} accused {A} of sending armed drones into its airspace and vowed to respond.",
            "An air strike by {A} hit a depot inside {B}, and local officials said {N} people were killed.",
            "{B} expelled {N} diplomats of {A}, saying they had worked against the security of the state.",
            "{A} threatened military action against {B} unless the attacks across the border stopped at once."};
    private static final String[] CONCILIATORY = {
            "Foreign ministers of {A} and {B} met in {CITY} on {DAY} and agreed to reopen talks on the border.",
            "{A} and {B} signed an agreement to resume trade and restore direct flights, officials said.",
            "The leader of {A} visited {B} for the first time in {N} years and called for lasting calm.",
            "{A} released {N} prisoners held from {B} as a goodwill gesture ahead of the talks in {CITY}."};
    private static final String[] NEUTRAL = {
            "Markets in the region were little changed on {DAY} as traders waited for further news.",
            "Analysts said the coming weeks would test whether the two governments can keep tensions in check.",
            "The statement gave no further details, and neither side could be reached for comment.",
            "Residents of the border districts said shops and schools had stayed open through the week.",
            "Shipping through the nearby straits was running on schedule, a port authority official said.",
            "A spokesman for the regional bloc urged both capitals to use the channels agreed in {CITY}."};

    private SyntheticArticles() {
    }

    /** {@code count} articles with ids {@code bench-0 ..}; publication time is set when they are sent. */
    public static List<Article> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(article("bench-" + i, random));
        }
        return articles;
    }

    /** The same article under another id and publication time, as a different news item would be. */
    public static Article restamp(Article article, String id, Instant published) {
        return new Article(id, article.source(), "https://example.org/bench/" + id, article.title(), article.text(),
                article.captions(), article.language(), published, Article.TimeSource.PUBLISHED, published,
                "bench", Map.of());
    }

    private static Article article(String id, Random random) {
        String a = pick(STATES, random);
        String b = pick(STATES, random);
        while (b.equals(a)) {
            b = pick(STATES, random);
        }
        boolean hostile = random.nextInt(4) != 0;
        StringBuilder text = new StringBuilder()
                .append(pick(CITIES, random).toUpperCase()).append(", ").append(pick(DAYS, random)).append(" - ");
        while (text.length() < TARGET_TEXT_CHARS) {
            int kind = random.nextInt(10);
            String[] pool = kind < 3 ? (hostile ? HOSTILE : CONCILIATORY) : kind < 4 ? (hostile ? CONCILIATORY : HOSTILE) : NEUTRAL;
            text.append(fill(pick(pool, random), a, b, random)).append(' ');
            if (random.nextInt(5) == 0) {
                text.append("\n\n");
            }
        }
        String title = fill(pick(hostile ? HOSTILE : CONCILIATORY, random), a, b, random);
        return new Article(id, pick(SOURCES, random), "https://example.org/bench/" + id, title, text.toString().trim(),
                List.of(), "en", Instant.EPOCH, Article.TimeSource.PUBLISHED, Instant.EPOCH, "bench", Map.of());
    }

    private static String fill(String template, String a, String b, Random random) {
        return template.replace("{A}", a).replace("{B}", b).replace("{CITY}", pick(CITIES, random))
                .replace("{DAY}", pick(DAYS, random)).replace("{N}", Integer.toString(2 + random.nextInt(40)));
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}

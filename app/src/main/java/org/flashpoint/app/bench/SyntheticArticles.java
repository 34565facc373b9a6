package org.flashpoint.app.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.flashpoint.contracts.Article;

/**
 * Benchmark input: wire-style articles of about 4 KiB about pairs of states, written from templates for this
 * benchmark (no real reporting), reproducible from a seed.
 *
 * <p>The mix is calibrated to the density of real news, so the bench measures a workload a news feed produces: most
 * articles report one event between one pair of states, restate it, add reactions, an earlier development and the
 * pair's history, and fill the rest with background; some are news of one state only, and some bring in a third state
 * that takes a side. Measured with {@link WorkloadProfile} (the offline pipeline) on 2026-12-02, per article:
 *
 * <table>
 *   <caption>Workload per article</caption>
 *   <tr><th></th><th>dyads</th><th>events</th><th>incident updates</th><th>indicator records</th></tr>
 *   <tr><td>labeled dev corpus: 38 real articles, publication order and dates</td>
 *       <td>1.13</td><td>14.87</td><td>5.21</td><td>11.7</td></tr>
 *   <tr><td>these articles: seed 20240101, first 500, 1 ms apart</td>
 *       <td>1.13</td><td>14.56</td><td>5.55</td><td>10.5</td></tr>
 *   <tr><td>the templates before calibration, same sample</td>
 *       <td>3.25</td><td>49.80</td><td>18.43</td><td>33.1</td></tr>
 * </table>
 *
 * Indicator records depend on how publication times are spread as well as on the texts (the corpus spans months, a
 * bench run seconds), so they are shown, not held to the corpus. {@code SyntheticArticlesTest} holds dyads, events
 * and incident updates within 25% of the corpus; {@code flashpoint bench} prints the figures of its own articles.
 */
public final class SyntheticArticles {

    /** Body text length the generator stops after; the JSON record then weighs about 4 KiB. */
    static final int TARGET_TEXT_CHARS = 3_700;
    // How much news an article carries beyond its lead; calibrated against the dev corpus (see the table above).
    private static final int FOLLOWS_MIN = 3;
    private static final int FOLLOWS_MAX = 6;
    private static final int EARLIER_PERCENT = 25;
    private static final int HISTORY_MIN = 1;
    private static final int HISTORY_MAX = 2;
    private static final int THIRD_PARTY_PERCENT = 33;

    // Country names (ISO 3166-1 short names, facts). Many states, so that no pair gathers an implausible share of a run.
    private static final String[] STATES = {"Iran", "Pakistan", "India", "China", "Russia", "Ukraine", "Armenia",
            "Azerbaijan", "Ethiopia", "Eritrea", "Greece", "Turkey", "Venezuela", "Colombia", "North Korea", "South Korea",
            "Afghanistan", "Sudan", "Egypt", "Serbia", "Croatia", "Japan", "Vietnam", "Philippines", "Morocco", "Algeria",
            "Israel", "Lebanon", "Syria", "Iraq", "Saudi Arabia", "Yemen", "Somalia", "Kenya", "Rwanda", "Uganda"};
    // Venues that are no capital or province in the gazetteer: a dateline must not add a state to the article.
    private static final String[] VENUES = {"Geneva", "Lausanne", "Montreux", "Salzburg", "Lucerne", "Basel"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] SOURCES = {"wire-north", "wire-south", "wire-east", "wire-west", "daily-courier",
            "evening-ledger", "harbour-times", "plains-gazette"};

    // {A} acts, {B} is the other side, {C} a third state; {WHEN} is the news day of the article, {DAY2} an earlier one.
    // Each story is a lead and what later sentences say about the same event.
    private static final String[][] HOSTILE = {
            {"{A} said its artillery shelled positions held by {B} near the border {WHEN}, killing {N} soldiers.",
                    "The shelling went on for several hours, residents near the border said.",
                    "Officials of {B} said the artillery fire had killed {N} soldiers and wounded others."},
            {"Troops from {A} and {B} exchanged fire along the disputed frontier {WHEN}, officials in {A} said.",
                    "The exchange of fire lasted until dawn, according to officials of {B}.",
                    "Each side said the other had opened fire first."},
            {"{A} recalled its ambassador from {B} {WHEN} after the incident, the foreign ministry said.",
                    "It is the first time {A} has recalled its ambassador from {B} in {N} years."},
            {"An air strike by {A} hit a depot inside {B} {WHEN}, and local officials said {N} people were killed.",
                    "The strike destroyed the depot and several nearby buildings, officials said.",
                    "{B} said {N} of the people killed in the air raid were civilians."},
            {"{B} expelled {N} diplomats of {A} {WHEN}, saying they had worked against the security of the state.",
                    "The expelled diplomats were given {N} hours to leave {B}.",
                    "The expulsion was the largest of its kind between the two countries."}};
    private static final String[] HOSTILE_FOLLOW = {
            "The government of {B} accused {A} of a grave breach of its sovereignty.",
            "{B} summoned the envoy of {A} to lodge a strong protest.",
            "Officials in {B} said they reserved the right to answer in kind.",
            "{A} said its forces had acted in self-defence and blamed {B} for the escalation.",
            "{B} warned {A} of serious consequences and placed its units on high alert.",
            "Reinforcements from {A} were deployed to the area, according to officials of {B}.",
            "{B} rejected the account given by {A} and said civilians had been hit.",
            "The foreign ministry of {A} denied that its units had crossed into {B}.",
            "{B} said {N} of its soldiers were wounded in the exchange.",
            "The attack lasted for several hours, residents of the area said.",
            "It was the most serious clash between the two countries in years."};
    private static final String[] HOSTILE_EARLIER = {
            "On {DAY2}, {B} had accused {A} of moving troops closer to the line.",
            "Tensions had risen on {DAY2}, when {A} closed its border with {B} to trucks and buses."};
    private static final String[] HOSTILE_THIRD = {
            "{C} condemned {A} and summoned its ambassador in protest.",
            "The government of {C} accused {A} of endangering the whole region."};
    private static final String[][] CONCILIATORY = {
            {"Foreign ministers of {A} and {B} met in {VENUE} {WHEN} and agreed to reopen talks on the border.",
                    "The meeting in {VENUE} lasted more than {N} hours, diplomats said.",
                    "The ministers agreed to meet again within {N} weeks."},
            {"{A} and {B} signed an agreement {WHEN} to resume trade and restore direct flights, officials said.",
                    "The agreement was signed by the trade ministers of both countries.",
                    "Under the agreement, direct flights are to start again within {N} weeks."},
            {"The leader of {A} visited {B} {WHEN}, the first such visit in {N} years.",
                    "During the visit the leader of {A} met the president of {B}."},
            {"{A} released {N} prisoners held from {B} {WHEN} as a goodwill gesture ahead of talks in {VENUE}.",
                    "The prisoners released by {A} were handed to officials of {B} at a crossing point."}};
    private static final String[] CONCILIATORY_FOLLOW = {
            "Officials of {A} described the outcome as a step towards normal relations with {B}.",
            "The government of {B} welcomed the move and said it hoped for lasting calm.",
            "A joint statement said working groups would settle the remaining questions.",
            "{B} praised the efforts of {A} and pledged to keep the channels open.",
            "Both sides agreed to hold the next round in {VENUE} within {N} weeks.",
            "The ministers also discussed cooperation on water, energy and transit through {B}.",
            "{A} said it would lift the restrictions on visas for citizens of {B}.",
            "Trade between {A} and {B} fell sharply during the dispute, according to customs figures.",
            "The talks lasted more than {N} hours, diplomats said.",
            "Officials on both sides called the meeting constructive."};
    private static final String[] CONCILIATORY_EARLIER = {
            "The foreign ministers of {A} and {B} spoke by telephone on {DAY2} to prepare the meeting.",
            "On {DAY2}, {A} had withdrawn the extra units it had sent towards the border with {B}."};
    private static final String[] CONCILIATORY_THIRD = {
            "The government of {C} praised {A} for its part in the agreement.",
            "{C} welcomed the step and offered {A} help with the reconstruction of the border districts."};
    // The long past of a pair: event words that are history, not news (no incident, no dyad of their own).
    private static final String[] HISTORY = {
            "{A} and {B} fought a short war over the region {N} years ago.",
            "Decades ago, troops of {A} occupied parts of the valley for several years.",
            "In the past, talks between {A} and {B} broke down over the sharing of river water.",
            "Each year both governments commemorate the ceasefire that ended the fighting decades ago.",
            "The two countries signed a treaty on the frontier in the past, but never marked it on the ground."};
    // News of one state only: no pair, the share of such articles in a general news feed.
    private static final String[][] DOMESTIC = {
            {"The parliament of {A} passed a new budget {WHEN} after a long debate on pensions and public pay.",
                    "The budget raises spending on roads and schools by about {N} percent."},
            {"The cabinet of {A} announced a reshuffle {WHEN}, naming new ministers of finance and transport.",
                    "The new finance minister has led the statistics office for {N} years."},
            {"The election commission of {A} set a date for local polls {WHEN}, after months of delay.",
                    "About {N} million voters are registered for the local polls."}};
    private static final String[] DOMESTIC_FOLLOW = {
            "Protesters marched through the centre of the capital against the new measures.",
            "Police detained {N} people after scuffles outside the parliament building.",
            "The opposition said it would challenge the decision in the courts.",
            "Officials said the changes were needed to keep public spending under control."};
    // Context without event words or state names, the bulk of a report. The slots vary the wording from article to
    // article, so that articles on one pair are not taken for copies of one wire story.
    private static final String[] BACKGROUND = {
            "Prices of {GOODS} in {PLACE} have risen by about {N} percent {PERIOD}, according to {BODY}.",
            "About {N}0,000 people live in {PLACE}, many of them {PEOPLE}.",
            "Road links between {PLACE} and {PLACE} are poor, and a journey that looks short on a map can take most of a day.",
            "Many {PEOPLE} in {PLACE} said business had been slow {PERIOD}.",
            "The finance ministry is due to publish figures on imports of {GOODS} later in the month.",
            "Parliament spent much of the week on a bill about pensions and the pay of {PEOPLE}.",
            "Several opposition figures said the government had done too little for {PEOPLE} in {PLACE}.",
            "Queues for {GOODS} formed in {PLACE} in the early morning, residents said.",
            "Commentators on state television spent more time on the price of {GOODS} than on foreign affairs {PERIOD}.",
            "Diplomats in {VENUE} said the atmosphere among delegations was businesslike.",
            "The currency has lost about {N} percent of its value against the dollar {PERIOD}, according to {BODY}.",
            "Airlines flying to {PLACE} said their timetables were unchanged.",
            "The harvest in {PLACE} was expected to be close to the average of the past {N} years.",
            "A census due next year should show how many people have left {PLACE} {PERIOD}, according to {BODY}.",
            "Tourism, once an important source of income for {PLACE}, has yet to recover to earlier levels.",
            "Power cuts of up to {N} hours a day have been common in {PLACE} {PERIOD}.",
            "A new road linking {PLACE} with {PLACE} is scheduled to open in {N} months.",
            "Observers in {VENUE} noted that the language used by officials was more measured than in previous statements.",
            "Most shipments of {GOODS} still pass through a handful of ports on the coast, according to {BODY}.",
            "Unemployment among young {PEOPLE} stands at around {N} percent, according to {BODY}.",
            "Reporters were kept at a distance from the venue, and briefings took place in a hotel nearby.",
            "The statement ran to {N} paragraphs and was read out on the evening news.",
            "Newspapers in {PLACE} carried opinion pieces on the cost of {GOODS} rather than on foreign affairs.",
            "Analysts in {VENUE} said the coming weeks would show how durable the current position is.",
            "Ferries between {PLACE} and {PLACE} were running on schedule, according to {BODY}.",
            "Residents of {PLACE} said shops and schools had stayed open through the week.",
            "Many {PEOPLE} in {PLACE} said they were more worried about the price of {GOODS} than about politics.",
            "The statement added no further details, and officials could not be reached for comment.",
            "Hotels in {PLACE} expect the number of guests to rise again next season.",
            "About {N} percent of households in {PLACE} buy {GOODS} on credit, according to {BODY}."};
    private static final String[] PLACES = {"the capital", "the port city", "the northern districts", "the southern valleys",
            "the coastal towns", "the interior", "the eastern plains", "the old quarter", "the mountain villages",
            "the river delta", "the industrial suburbs", "the western highlands"};
    private static final String[] PERIODS = {"since the start of the year", "over the summer", "in recent weeks",
            "since the spring", "over the past two years", "this quarter", "since the last elections", "over the winter"};
    private static final String[] GOODS = {"bread", "rice", "cooking oil", "fuel", "sugar", "medicine", "fertiliser",
            "cement", "tea", "flour", "milk", "soap"};
    private static final String[] BODIES = {"the statistics office", "the chamber of commerce", "a farmers' union",
            "the transport authority", "a consumer group", "the port authority", "a research institute in {VENUE}",
            "a survey by a local newspaper"};
    private static final String[] PEOPLE = {"traders", "farmers", "teachers", "taxi drivers", "shopkeepers", "nurses",
            "fishermen", "students", "pensioners", "builders", "bakers", "dock workers"};

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

    /** What an article reports, in about the shares of the labeled corpus: escalation, calming, or one state's news. */
    private enum Kind {
        HOSTILE(SyntheticArticles.HOSTILE, HOSTILE_FOLLOW, HOSTILE_EARLIER, HISTORY, HOSTILE_THIRD),
        CONCILIATORY(SyntheticArticles.CONCILIATORY, CONCILIATORY_FOLLOW, CONCILIATORY_EARLIER, HISTORY, CONCILIATORY_THIRD),
        DOMESTIC(SyntheticArticles.DOMESTIC, DOMESTIC_FOLLOW, new String[0], new String[0], new String[0]);

        final String[][] stories;
        final String[] follows;
        final String[] earlier;
        final String[] history;
        final String[] thirdParty;

        Kind(String[][] stories, String[] follows, String[] earlier, String[] history, String[] thirdParty) {
            this.stories = stories;
            this.follows = follows;
            this.earlier = earlier;
            this.history = history;
            this.thirdParty = thirdParty;
        }

        static Kind pick(Random random) {
            int r = random.nextInt(100);
            return r < 44 ? HOSTILE : r < 85 ? CONCILIATORY : DOMESTIC;
        }
    }

    /** The fixed parts of one article: who, where, the news day and an earlier day. */
    private record Cast(String a, String b, String c, String venue, String when, String earlierDay) {

        static Cast of(Random random) {
            String a = pick(STATES, random);
            String b = other(STATES, random, a);
            String day = pick(DAYS, random);
            // Most news is of yesterday or today; a weekday name resolves against the time the bench sends the article.
            String when = switch (random.nextInt(4)) {
                case 0 -> "today";
                case 1 -> "on " + day;
                default -> "yesterday";
            };
            return new Cast(a, b, other(STATES, random, a, b), pick(VENUES, random), when, other(DAYS, random, day));
        }
    }

    /**
     * The lead, which is also the title, then more on the same news (at most one earlier day, the pair's history,
     * sometimes a third state), then background up to the length.
     */
    private static Article article(String id, Random random) {
        Kind kind = Kind.pick(random);
        Cast cast = Cast.of(random);
        String[] story = kind.stories[random.nextInt(kind.stories.length)];
        List<String> more = new ArrayList<>(List.of(story).subList(1, story.length));
        more.addAll(someOf(kind.follows, FOLLOWS_MIN, FOLLOWS_MAX, random));
        if (kind.earlier.length > 0 && random.nextInt(100) < EARLIER_PERCENT) {
            more.add(pick(kind.earlier, random));
        }
        more.addAll(someOf(kind.history, HISTORY_MIN, HISTORY_MAX, random));
        if (kind.thirdParty.length > 0 && random.nextInt(100) < THIRD_PARTY_PERCENT) {
            more.add(pick(kind.thirdParty, random));
        }
        String lead = fill(story[0], cast, random);
        StringBuilder text = new StringBuilder(cast.venue().toUpperCase(Locale.ROOT)).append(" - ").append(lead);
        for (String sentence : more) {
            text.append(' ').append(fill(sentence, cast, random));
        }
        while (text.length() < TARGET_TEXT_CHARS) {
            text.append(random.nextInt(4) == 0 ? "\n\n" : " ").append(fill(pick(BACKGROUND, random), cast, random));
        }
        return new Article(id, pick(SOURCES, random), "https://example.org/bench/" + id, lead, text.toString(),
                List.of(), "en", Instant.EPOCH, Article.TimeSource.PUBLISHED, Instant.EPOCH, "bench", Map.of());
    }

    /** Between {@code min} and {@code max} different templates of {@code pool}, in random order. */
    private static List<String> someOf(String[] pool, int min, int max, Random random) {
        List<String> shuffled = new ArrayList<>(List.of(pool));
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(shuffled.size(), min + random.nextInt(max - min + 1)));
    }

    private static String other(String[] values, Random random, String... taken) {
        String value = pick(values, random);
        while (List.of(taken).contains(value)) {
            value = pick(values, random);
        }
        return value;
    }

    private static String fill(String template, Cast cast, Random random) {
        // A body may name the venue, so bodies are filled before the venue.
        String text = fillEach(template, "{BODY}", () -> pick(BODIES, random));
        text = fillEach(text, "{PLACE}", () -> pick(PLACES, random));
        text = fillEach(text, "{PERIOD}", () -> pick(PERIODS, random));
        text = fillEach(text, "{GOODS}", () -> pick(GOODS, random));
        text = fillEach(text, "{PEOPLE}", () -> pick(PEOPLE, random));
        text = fillEach(text, "{N}", () -> Integer.toString(2 + random.nextInt(40)));
        return text.replace("{A}", cast.a()).replace("{B}", cast.b()).replace("{C}", cast.c())
                .replace("{VENUE}", cast.venue()).replace("{WHEN}", cast.when()).replace("{DAY2}", cast.earlierDay());
    }

    /** Each occurrence of {@code slot} gets its own value. */
    private static String fillEach(String text, String slot, Supplier<String> value) {
        StringBuilder filled = new StringBuilder(text);
        for (int at = filled.indexOf(slot); at >= 0; at = filled.indexOf(slot, at)) {
            filled.replace(at, at + slot.length(), value.get());
        }
        return filled.toString();
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}

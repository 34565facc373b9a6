package org.flashpoint.analysis;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.EventMention;
import org.flashpoint.contracts.Labels;
import org.flashpoint.contracts.Modality;

/**
 * The analysis of one article (one instance per call, never shared): sentences, states, event cues with their
 * actors, targets, modality and dates, then the article-level decisions (dyads, labels, direction, toll).
 */
final class ArticleAnalysis {

    /** Events dated more than this before publication are history, not news (LABELING.md: "last few months"). */
    private static final int HISTORY_DAYS = 183;
    /** How much a clause introduced by "after", "amid"... weighs in the headline direction. */
    private static final double BACKGROUND_FACTOR = 0.3;
    /** The strongest a single event or sentence counts in the direction and the pair ranking. */
    private static final double MAX_EVENT_WEIGHT = 5.0;
    /** Sentences weighing at least this much ({@link #position}) are the title and lead. */
    private static final double LEAD_POSITION = 1.5;
    /** Net signed weight the main news needs to move the relation one way. */
    private static final double DIRECTION_THRESHOLD = 2.0;
    /** At most this many words ("have also") between "the two countries" and the verb it is the subject of. */
    private static final int PAIR_SUBJECT_GAP = 3;
    /** Windows (tokens) in which a modality word changes a cue. */
    private static final int NEGATION_WINDOW = 4;
    private static final int CONDITIONAL_WINDOW = 5;
    private static final int FUTURE_WINDOW = 4;
    private static final int CLAUSE_BACK = 15;
    private static final int CLAUSE_AHEAD = 12;
    /** How prominent (in {@link #position} units) the second state must be to pair with the first. */
    private static final double MIN_PAIR_WEIGHT = 2.0;
    /** Sentences (title = 0) in which a domain word makes the domain the article's subject. */
    private static final int DOMAIN_LEAD = 4;
    /** An article is about sport, a disaster, crime, business or culture when its vocabulary says so this often. */
    private static final int DOMAIN_HITS = 3;

    private static final Set<String> CLAUSE_STOPS = new java.util.HashSet<>(List.of(";", ":", "said", "says", "saying", "told", "but", "while",
            "whereas", "which", "who", "although", "though", "because", "when", "as", "adding", "according", "that",
            "reported", "quoted", "quoting", "where"));

    private final Analyzer.Data data;
    private final Article article;
    private final String text;
    private final List<Token> tokens;
    private final List<Sentences.Span> sentences;
    private final LocalDate published;
    private final List<SentenceFacts> facts = new ArrayList<>();
    private final List<Found> found = new ArrayList<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private Dyad contextPair;
    private Context.Kind articleDomain;

    /** What one sentence contains. */
    private static final class SentenceFacts {
        final Sentences.Span span;
        final List<Gazetteer.Mention> mentions;
        final List<PhraseIndex.Match<Context.Kind>> context = new ArrayList<>();
        final Set<Context.Kind> kinds = EnumSet.noneOf(Context.Kind.class);
        final List<PhraseIndex.Match<Cue>> cues = new ArrayList<>();
        final List<Dates.Found> dates;
        /** Per token of the sentence: bit set of the context kinds starting / ending there. */
        final int[] starts;
        final int[] ends;
        boolean borderPlace;
        Integer toll;
        boolean tollKnown;

        SentenceFacts(Sentences.Span span, List<Gazetteer.Mention> mentions, List<Dates.Found> dates) {
            this.span = span;
            this.mentions = mentions;
            this.dates = dates;
            this.starts = new int[span.to() - span.from() + 1];
            this.ends = new int[span.to() - span.from() + 1];
        }

        boolean hasDomain() {
            for (Context.Kind k : kinds) {
                if (k.isDomain()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One event mention while the article is being analysed. */
    private static final class Found {
        Cue cue;
        SentenceFacts sentence;
        int cueStart;
        String actor;
        String target;
        Dyad dyad;
        boolean inferred;
        boolean thirdParty;
        boolean background;
        boolean remote;
        Modality modality = Modality.ASSERTED;
        LocalDate date;
        Integer killed;

        /** Counts as news between the two states of its dyad (labels, direction, dyads). */
        boolean counts() {
            if (dyad == null || modality != Modality.ASSERTED || thirdParty || cue.has(Cue.Flag.MEDIATE) || cue.has(Cue.Flag.WEAK)) {
                return false;
            }
            if (!cue.conflict() || actor != null) {
                return true;
            }
            // Hostility with no state named as its author: only unmistakably military acts ("the strike") count,
            // and words of protest only when they name whom they are aimed at.
            return !cue.has(Cue.Flag.SOFT) && (target != null || cue.material());
        }

        boolean visit() {
            return cue.has(Cue.Flag.VISIT) && !remote;
        }

        boolean borderIncident() {
            if (!cue.conflict() || !cue.material()) {
                return false;
            }
            boolean crossing = cue.has(Cue.Flag.BORDER) && (actor != null || !cue.has(Cue.Flag.SOFT));
            return crossing || sentence.kinds.contains(Context.Kind.BORDER_WORD) || sentence.borderPlace;
        }
    }

    ArticleAnalysis(Analyzer.Data data, Article article) {
        this.data = data;
        this.article = article;
        String title = article.title() == null ? "" : article.title();
        String body = article.text() == null ? "" : article.text();
        this.text = title + "\n\n" + body;
        this.tokens = Tokenizer.tokenize(text);
        int titleEnd = 0;
        while (titleEnd < tokens.size() && tokens.get(titleEnd).start() < title.length()) {
            titleEnd++;
        }
        this.sentences = Sentences.split(text, tokens, titleEnd);
        this.published = article.published() == null || article.published().getEpochSecond() == 0
                ? null : article.published().atZone(ZoneOffset.UTC).toLocalDate();
    }

    ClassifiedArticle run() {
        for (Sentences.Span s : sentences) {
            facts.add(scan(s));
        }
        articleDomain = articleDomain();
        // First pass: events whose sentence names both sides. Their main pair is the context for the second
        // pass, which also gives sentences naming one side or none ("the strike", "they agreed") to that pair.
        for (SentenceFacts sf : facts) {
            for (PhraseIndex.Match<Cue> m : sf.cues) {
                Candidate c = candidate(sf, m);
                if (c != null) {
                    candidates.add(c);
                }
            }
        }
        emitAll();
        List<Dyad> explicit = dyads();
        contextPair = explicit.isEmpty() ? mostNamedPair() : explicit.get(0);
        found.clear();
        emitAll();
        List<Dyad> dyads = dyads();
        Dyad headline = dyads.isEmpty() ? null : dyads.get(0);
        Set<Dyad> reported = Set.copyOf(dyads);
        boolean esc = false;
        boolean de = false;
        boolean border = false;
        boolean visit = false;
        for (Found f : found) {
            if (f.dyad == null || !reported.contains(f.dyad) || f.modality != Modality.ASSERTED) {
                continue;
            }
            // Violence at a border by an unnamed perpetrator is a border incident, not a hostile act of a state.
            border |= f.borderIncident() && (f.counts() || !f.inferred);
            if (!f.counts()) {
                continue;
            }
            if (f.cue.conflict()) {
                esc = true;
            } else {
                de = true;
                visit |= f.visit() && !f.inferred;
            }
        }
        Labels labels = new Labels(esc, de, border, visit);
        Direction direction = headline == null ? Direction.NEUTRAL : direction(headline);
        // A toll belongs to the main incident; an article whose main news is a calming has none.
        Integer killed = headline == null || direction == Direction.DE_ESCALATION ? null : killed(headline);
        List<EventMention> events = new ArrayList<>(found.size());
        for (Found f : found) {
            events.add(mention(f));
        }
        return new ClassifiedArticle(article.id(), article.title(), article.source(), article.url(), article.published(),
                dyads, labels, direction, killed, events, data.version());
    }

    // ---------------------------------------------------------------- sentence scan

    private SentenceFacts scan(Sentences.Span s) {
        List<Gazetteer.Mention> mentions = data.gazetteer().find(text, tokens, s.from(), s.to());
        SentenceFacts sf = new SentenceFacts(s, mentions, Dates.find(text, tokens, s.from(), s.to(), published));
        boolean[] inMention = new boolean[s.to() - s.from()];
        for (Gazetteer.Mention m : mentions) {
            for (int k = m.start(); k < m.end(); k++) {
                inMention[k - s.from()] = true;
            }
            sf.borderPlace |= m.kind() == Gazetteer.Kind.BORDER_REGION;
        }
        for (int i = s.from(); i < s.to(); ) {
            PhraseIndex.Match<Context.Kind> m = data.context().at(tokens, i, s.to());
            if (m == null) {
                i++;
                continue;
            }
            sf.context.add(m);
            sf.kinds.addAll(m.values());
            for (Context.Kind k : m.values()) {
                sf.starts[m.start() - s.from()] |= 1 << k.ordinal();
                sf.ends[m.end() - s.from()] |= 1 << k.ordinal();
            }
            i = m.end();
        }
        for (int i = s.from(); i < s.to(); ) {
            if (inMention[i - s.from()] || !tokens.get(i).word()) {
                i++;
                continue;
            }
            PhraseIndex.Match<Cue> m = data.lexicon().at(tokens, i, s.to());
            if (m == null) {
                i++;
                continue;
            }
            sf.cues.add(m);
            i = m.end();
        }
        return sf;
    }

    /** The field the article is about when its title or lead and its vocabulary say sport, disaster, crime... */
    private Context.Kind articleDomain() {
        Map<Context.Kind, Integer> hits = new java.util.EnumMap<>(Context.Kind.class);
        Set<Context.Kind> lead = EnumSet.noneOf(Context.Kind.class);
        for (SentenceFacts sf : facts) {
            for (PhraseIndex.Match<Context.Kind> m : sf.context) {
                for (Context.Kind k : m.values()) {
                    if (k.isDomain()) {
                        hits.merge(k, 1, Integer::sum);
                        if (sf.span.index() <= DOMAIN_LEAD) {
                            lead.add(k);
                        }
                    }
                }
            }
        }
        Context.Kind best = null;
        for (Context.Kind k : lead) {
            if (hits.get(k) >= DOMAIN_HITS && (best == null || hits.get(k) > hits.get(best))) {
                best = k;
            }
        }
        return best;
    }

    /** Without a sentence naming both sides, the two states named most (title and lead weigh most). */
    private Dyad mostNamedPair() {
        Map<String, Double> weight = new LinkedHashMap<>();
        for (SentenceFacts sf : facts) {
            if (sf.hasDomain()) {
                continue;
            }
            double w = position(sf.span.index());
            for (Gazetteer.Mention m : sf.mentions) {
                weight.merge(m.code(), m.kind() == Gazetteer.Kind.GROUP ? w / 2 : w, Double::sum);
            }
        }
        String first = null;
        String second = null;
        for (Map.Entry<String, Double> e : weight.entrySet()) {
            if (first == null || e.getValue() > weight.get(first)) {
                second = first;
                first = e.getKey();
            } else if (second == null || e.getValue() > weight.get(second)) {
                second = e.getKey();
            }
        }
        if (first == null || second == null || weight.get(second) < MIN_PAIR_WEIGHT) {
            return null;
        }
        return data.dyad(first, second);
    }

    /** How much a sentence stands for the article's main news: the title and the lead weigh most. */
    private double position(int sentence) {
        boolean hasTitle = sentences.get(0).to() > sentences.get(0).from();
        int rank = hasTitle ? sentence : sentence - 1;
        if (rank <= 0) {
            return 3.0;
        }
        if (rank == 1) {
            return 2.0;
        }
        if (rank == 2) {
            return 1.5;
        }
        return rank <= 4 ? 1.0 : 0.5;
    }

    // ---------------------------------------------------------------- events

    /** What a cue says before the article's pair is known: modality, date, toll, the states around it. */
    private static final class Candidate {
        Found base;
        List<String> actors;
        List<String> targets;
        boolean domainSentence;
    }

    private void emitAll() {
        for (Candidate c : candidates) {
            emit(c);
        }
    }

    private Candidate candidate(SentenceFacts sf, PhraseIndex.Match<Cue> m) {
        Cue cue = m.values().get(0);
        boolean domainSentence = sf.hasDomain();
        if (cue.has(Cue.Flag.SOFT) && (domainSentence || articleDomain != null)) {
            return null; // "clashes" of football fans, "attacks" of a storm: not interstate events
        }
        if (cue.has(Cue.Flag.VISIT) && articleDomain != null) {
            return null; // a team's visit is not a diplomatic visit
        }
        int cs = m.start();
        int ce = m.end();
        if (insideName(sf, cs, ce)) {
            return null; // "Shanghai Cooperation Organization", "Peace Prize"
        }
        Sentences.Span s = sf.span;
        int left = cs;
        while (left > s.from() && cs - left < CLAUSE_BACK && !CLAUSE_STOPS.contains(tokens.get(left - 1).lower())
                && !startsKind(sf, left - 1, Context.Kind.BACKGROUND)) {
            left--;
        }
        int right = ce;
        while (right < s.to() && right - ce < CLAUSE_AHEAD && !CLAUSE_STOPS.contains(tokens.get(right).lower())
                && !startsKind(sf, right, Context.Kind.BACKGROUND) && !tokens.get(right).lower().equals(".")) {
            right++;
        }
        List<Gazetteer.Mention> before = new ArrayList<>();
        List<Gazetteer.Mention> after = new ArrayList<>();
        for (Gazetteer.Mention g : sf.mentions) {
            if (g.end() <= cs && g.start() >= left) {
                before.add(g);
            } else if (g.start() >= cs && g.end() <= right) {
                after.add(g); // includes a state inside the cue: "violated Pakistan's airspace"
            }
        }
        Found f = new Found();
        f.cue = cue;
        f.sentence = sf;
        f.cueStart = cs;
        f.modality = modality(sf, cue, cs);
        f.background = kindBefore(sf, cs, s.from(), Context.Kind.BACKGROUND);
        f.remote = sf.kinds.contains(Context.Kind.REMOTE);
        f.date = nearestDate(sf, cs);
        if (f.modality == Modality.ASSERTED && f.date != null && published != null
                && f.date.isBefore(published.minusDays(HISTORY_DAYS))) {
            f.modality = Modality.HISTORICAL;
        }
        if (cue.conflict()) {
            if (!sf.tollKnown) {
                sf.toll = data.casualties().toll(tokens, s.from(), s.to(), k -> isNationality(sf, k));
                sf.tollKnown = true;
            }
            f.killed = sf.toll;
        }
        Candidate c = new Candidate();
        c.base = f;
        c.domainSentence = domainSentence;
        c.actors = new ArrayList<>(2);
        c.targets = new ArrayList<>(2);
        resolve(sf, cue, cs, ce, before, after, c.actors, c.targets);
        return c;
    }

    /** The event mentions of one cue, given the article's pair as known so far. */
    private void emit(Candidate c) {
        Found f = c.base;
        Cue cue = f.cue;
        SentenceFacts sf = f.sentence;
        int cs = f.cueStart;
        if (cue.has(Cue.Flag.APPEAL) || !cue.conflict()) {
            Found appeal = copy(f, null, null, false, null);
            if (appeal(sf, appeal, cs)) {
                found.add(appeal);
                return;
            }
        }
        if (contextPair != null && !c.domainSentence && pairSubject(sf, cs)) {
            // "the two countries have agreed": the subject is the article's pair, whoever else the sentence names
            found.add(copy(f, contextPair.a(), contextPair.b(), false));
            return;
        }
        if (cue.has(Cue.Flag.MEDIATE)) {
            found.add(copy(f, c.actors.isEmpty() ? null : c.actors.get(0), null, false, null));
            return;
        }
        boolean bothSides = sf.kinds.contains(Context.Kind.PAIR_REFERENCE);
        if (!cue.conflict() && c.actors.isEmpty() && (c.targets.isEmpty() || cue.has(Cue.Flag.VISIT)) && !bothSides) {
            // cooperation needs its sides named ("the two ministers" will do); a visit needs its visitor
            found.add(copy(f, null, null, false, null));
            return;
        }
        emit(f, c.actors, c.targets, c.domainSentence);
    }

    /** A phrase naming both sides ("the two countries", "both sides") right before the cue is its subject. */
    private static boolean pairSubject(SentenceFacts sf, int cs) {
        for (PhraseIndex.Match<Context.Kind> m : sf.context) {
            if (m.values().contains(Context.Kind.PAIR_REFERENCE) && m.end() <= cs && cs - m.end() <= PAIR_SUBJECT_GAP) {
                return true;
            }
        }
        return false;
    }

    /** A capitalised cue inside a body sentence next to other capitalised words is part of a name. */
    private boolean insideName(SentenceFacts sf, int cs, int ce) {
        if (sf.span.index() == 0 || cs == sf.span.from() || !tokens.get(cs).capitalized()) {
            return false;
        }
        Token prev = tokens.get(cs - 1);
        boolean prevCap = prev.word() && prev.capitalized() && cs - 1 > sf.span.from();
        boolean nextCap = ce < sf.span.to() && tokens.get(ce).word() && tokens.get(ce).capitalized();
        return prevCap || nextCap;
    }

    /** "China urged Iran and Pakistan to exercise restraint": a third party's appeal, not de-escalation of the pair. */
    private boolean appeal(SentenceFacts sf, Found f, int cs) {
        int verb = -1;
        for (PhraseIndex.Match<Context.Kind> m : sf.context) {
            if (m.values().contains(Context.Kind.APPEAL_VERB) && m.end() <= cs) {
                verb = m.start();
            }
        }
        if (verb < 0) {
            return false;
        }
        List<String> appealers = new ArrayList<>();
        List<String> addressed = new ArrayList<>();
        for (Gazetteer.Mention g : sf.mentions) {
            if (g.end() <= verb && verb - g.end() <= CLAUSE_BACK / 2 && !stopBetween(g.end(), verb, Context.Kind.APPEAL_VERB)
                    && canAct(g)) {
                appealers.add(g.code());
            } else if (g.start() >= verb && g.end() <= cs && !addressed.contains(g.code())) {
                addressed.add(g.code());
            }
        }
        String appealer = appealers.isEmpty() ? null : appealers.get(appealers.size() - 1);
        f.actor = appealer;
        if (addressed.size() >= 2) {
            f.dyad = data.dyad(addressed.get(0), addressed.get(1));
        } else if (addressed.size() == 1 && appealer != null && !appealer.equals(addressed.get(0))) {
            f.dyad = data.dyad(appealer, addressed.get(0));
            f.target = addressed.get(0);
        } else if (contextPair != null) {
            f.dyad = contextPair;
        }
        // Only the parties' own calls for restraint calm the relation; anyone else's (or an unnamed speaker's) do not.
        f.thirdParty = appealer == null || f.dyad == null || !f.dyad.contains(appealer)
                || contextPair != null && !contextPair.contains(appealer);
        return true;
    }

    private void resolve(SentenceFacts sf, Cue cue, int cs, int ce, List<Gazetteer.Mention> before,
                         List<Gazetteer.Mention> after, List<String> actors, List<String> targets) {
        String agent = null;
        for (Gazetteer.Mention g : after) {
            String prep = g.start() > 0 ? tokens.get(g.start() - 1).lower() : "";
            boolean agentPrep = prep.equals("by") || prep.equals("from") && cue.conflict() && cue.material()
                    || prep.equals("neighbouring") && g.start() - 2 >= 0 && tokens.get(g.start() - 2).lower().equals("from");
            if (g.start() - ce <= 3 && agentPrep && canAct(g)) {
                agent = g.code();
                break;
            }
        }
        boolean passive = cs - 1 >= sf.span.from() && endsKind(sf, cs, Context.Kind.PASSIVE)
                || cs - 2 >= sf.span.from() && endsKind(sf, cs - 1, Context.Kind.PASSIVE) && tokens.get(cs - 1).word()
                && tokens.get(cs - 1).lower().endsWith("ly");
        boolean victims = cue.has(Cue.Flag.VICTIM) && !before.isEmpty() && counted(before.get(before.size() - 1));
        if (passive || victims || agent != null) {
            if (agent != null) {
                actors.add(agent);
            }
            if (!before.isEmpty()) {
                int k = before.size() - 1;
                addCode(targets, before.get(k).code(), actors);
                while (k > 0 && coordinated(before.get(k - 1), before.get(k))) {
                    addCode(targets, before.get(k - 1).code(), actors);
                    k--;
                }
            }
            for (Gazetteer.Mention g : after) {
                addCode(targets, g.code(), actors);
            }
            return;
        }
        // The subject: the nearest state before the cue and the states coordinated with it ("Egypt and Sudan").
        int k = before.size() - 1;
        while (k >= 0 && !canAct(before.get(k))) {
            k--;
        }
        if (k >= 0) {
            int j = k;
            while (j > 0 && coordinated(before.get(j - 1), before.get(j))) {
                j--;
            }
            for (int a = j; a <= k; a++) {
                if (canAct(before.get(a))) {
                    addCode(actors, before.get(a).code(), List.of());
                }
            }
        }
        for (Gazetteer.Mention g : after) {
            addCode(targets, g.code(), actors);
        }
        if (targets.isEmpty()) {
            for (int b = before.size() - 1; b >= 0; b--) {
                addCode(targets, before.get(b).code(), actors);
            }
        }
    }

    private void emit(Found f, List<String> actors, List<String> targets, boolean domainSentence) {
        Dyad cp = domainSentence ? null : contextPair;
        boolean bothSides = f.sentence.kinds.contains(Context.Kind.PAIR_REFERENCE);
        if (actors.isEmpty() && targets.isEmpty()) {
            found.add(copy(f, null, null, cp != null && !bothSides, cp));
            return;
        }
        if (targets.isEmpty()) {
            if (actors.size() >= 2) {
                for (int i = 1; i < actors.size(); i++) {
                    found.add(copy(f, actors.get(0), actors.get(i), false));
                }
                return;
            }
            String a = actors.get(0);
            if (cp != null && cp.contains(a)) {
                found.add(copy(f, a, other(cp, a), true));
            } else {
                found.add(copy(f, a, null, false));
            }
            return;
        }
        if (actors.isEmpty()) {
            if (targets.size() >= 2) {
                found.add(copy(f, null, targets.get(0), false, data.dyad(targets.get(0), targets.get(1))));
                return;
            }
            String t = targets.get(0);
            if (cp != null && cp.contains(t)) {
                // Cooperation needs two sides anyway; for violence an unnamed perpetrator stays unnamed.
                found.add(copy(f, f.cue.conflict() ? null : other(cp, t), t, true, cp));
            } else {
                found.add(copy(f, null, t, false));
            }
            return;
        }
        if (!f.cue.conflict() && actors.size() >= 2) {
            // "Iran and Pakistan pledged to work together against militants in Afghanistan": the pact is theirs.
            for (int i = 1; i < actors.size(); i++) {
                found.add(copy(f, actors.get(0), actors.get(i), false));
            }
            return;
        }
        for (String a : actors) {
            for (String t : targets) {
                found.add(copy(f, a, t, false));
            }
        }
    }

    private Found copy(Found f, String actor, String target, boolean inferred) {
        inferred &= !f.sentence.kinds.contains(Context.Kind.PAIR_REFERENCE);
        Dyad dyad = actor != null && target != null && !actor.equals(target) ? data.dyad(actor, target) : null;
        return copy(f, actor, target, inferred, dyad);
    }

    private static Found copy(Found f, String actor, String target, boolean inferred, Dyad dyad) {
        inferred &= !f.sentence.kinds.contains(Context.Kind.PAIR_REFERENCE);
        Found c = new Found();
        c.cue = f.cue;
        c.sentence = f.sentence;
        c.cueStart = f.cueStart;
        c.modality = f.modality;
        c.background = f.background;
        c.remote = f.remote;
        c.date = f.date;
        c.killed = f.killed;
        c.actor = actor;
        c.target = target;
        c.inferred = inferred;
        c.dyad = dyad;
        return c;
    }

    private static String other(Dyad d, String code) {
        return d.a().equals(code) ? d.b() : d.a();
    }

    private static void addCode(List<String> list, String code, List<String> exclude) {
        if (!list.contains(code) && !exclude.contains(code)) {
            list.add(code);
        }
    }

    /** Places and armed groups do not act for a state; they locate an event or stand for where the group is based. */
    private static boolean canAct(Gazetteer.Mention g) {
        return !g.kind().isPlace() && g.kind() != Gazetteer.Kind.GROUP;
    }

    /** "Egypt and Sudan", "Pakistan, Iran": nothing but "and", "," or a possessive between two mentions. */
    private boolean coordinated(Gazetteer.Mention a, Gazetteer.Mention b) {
        if (b.start() - a.end() > 2) {
            return false;
        }
        for (int k = a.end(); k < b.start(); k++) {
            String w = tokens.get(k).lower();
            if (!(w.equals("and") || w.equals(",") || w.equals("&"))) {
                return false;
            }
        }
        return b.start() > a.end();
    }

    /** A nationality preceded by a number is a count of victims ("nine Pakistanis killed"). */
    private boolean counted(Gazetteer.Mention g) {
        if (g.kind() != Gazetteer.Kind.DEMONYM) {
            return false;
        }
        for (int k = Math.max(0, g.start() - 3); k < g.start(); k++) {
            Token t = tokens.get(k);
            if (t.isNumber() || data.casualties().isNumberWord(t.lower())) {
                return true;
            }
        }
        return false;
    }

    private boolean isNationality(SentenceFacts sf, int token) {
        for (Gazetteer.Mention g : sf.mentions) {
            if (g.start() == token && g.kind() == Gazetteer.Kind.DEMONYM) {
                return true;
            }
        }
        return false;
    }

    private Modality modality(SentenceFacts sf, Cue cue, int cs) {
        if (kindBefore(sf, cs, cs - NEGATION_WINDOW, Context.Kind.NEGATION)) {
            return Modality.NEGATED;
        }
        if (kindBefore(sf, cs, cs - CONDITIONAL_WINDOW, Context.Kind.CONDITIONAL)) {
            return Modality.HYPOTHETICAL;
        }
        // A feared or announced act of hostility has not happened; a planned visit or talks are news (LABELING.md).
        if (cue.conflict() && kindBefore(sf, cs, cs - FUTURE_WINDOW, Context.Kind.FUTURE)) {
            return Modality.HYPOTHETICAL;
        }
        if (sf.kinds.contains(Context.Kind.HISTORICAL)) {
            return Modality.HISTORICAL;
        }
        return Modality.ASSERTED;
    }

    /** Whether a context phrase of {@code kind} lies in tokens [from, cs) without crossing a comma-free clause stop. */
    private boolean kindBefore(SentenceFacts sf, int cs, int from, Context.Kind kind) {
        int lo = Math.max(from, sf.span.from());
        for (PhraseIndex.Match<Context.Kind> m : sf.context) {
            if (m.start() >= lo && m.end() <= cs && m.values().contains(kind) && !stopBetween(m.end(), cs, kind)) {
                return true;
            }
        }
        return false;
    }

    /** Negation and conditionals do not reach across a clause stop or comma ("did not comment, but struck"). */
    private boolean stopBetween(int from, int to, Context.Kind kind) {
        if (kind == Context.Kind.BACKGROUND) {
            return false;
        }
        for (int k = from; k < to; k++) {
            String w = tokens.get(k).lower();
            if (w.equals(",") || w.equals(";") || CLAUSE_STOPS.contains(w) || w.equals("and")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsKind(SentenceFacts sf, int token, Context.Kind kind) {
        return (sf.starts[token - sf.span.from()] & 1 << kind.ordinal()) != 0;
    }

    private static boolean endsKind(SentenceFacts sf, int end, Context.Kind kind) {
        return (sf.ends[end - sf.span.from()] & 1 << kind.ordinal()) != 0;
    }

    private static LocalDate nearestDate(SentenceFacts sf, int cs) {
        LocalDate best = null;
        int dist = Integer.MAX_VALUE;
        for (Dates.Found d : sf.dates) {
            int dd = Math.abs(d.token() - cs);
            if (dd < dist) {
                dist = dd;
                best = d.date();
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- article decisions

    private List<Dyad> dyads() {
        Map<Dyad, Double> score = new LinkedHashMap<>();
        for (Found f : found) {
            boolean appeal = f.thirdParty && f.modality == Modality.ASSERTED && f.dyad != null;
            boolean unnamedBorderViolence = f.dyad != null && !f.inferred && f.modality == Modality.ASSERTED && f.borderIncident();
            if (!f.counts() && !appeal && !unnamedBorderViolence) {
                continue;
            }
            double w = position(f.sentence.span.index()) * Math.min(Math.abs(f.cue.weight()), MAX_EVENT_WEIGHT) * (f.inferred ? 0.5 : 1.0);
            score.merge(f.dyad, w, Double::sum);
        }
        List<Map.Entry<Dyad, Double>> entries = new ArrayList<>(score.entrySet());
        entries.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        List<Dyad> out = new ArrayList<>(entries.size());
        for (Map.Entry<Dyad, Double> e : entries) {
            out.add(e.getKey());
        }
        return out;
    }

    /**
     * The headline thrust: each sentence gives the net of its events for the headline pair, capped so a sentence
     * full of conflict words counts as one sentence; the title and the lead decide when they lean clearly one way,
     * the whole article (later sentences weighing less) only when they do not.
     */
    private Direction direction(Dyad headline) {
        double[] net = new double[sentences.size()];
        for (Found f : found) {
            if (f.counts() && headline.equals(f.dyad)) {
                net[f.sentence.span.index()] += Math.signum(f.cue.weight()) * Math.min(Math.abs(f.cue.weight()), MAX_EVENT_WEIGHT)
                        * (f.background ? BACKGROUND_FACTOR : 1.0);
            }
        }
        double lead = 0;
        double all = 0;
        for (int i = 0; i < net.length; i++) {
            double contribution = position(i) * Math.max(-MAX_EVENT_WEIGHT, Math.min(MAX_EVENT_WEIGHT, net[i]));
            all += contribution;
            if (position(i) >= LEAD_POSITION) {
                lead += contribution;
            }
        }
        double score = Math.abs(lead) >= DIRECTION_THRESHOLD ? lead : all;
        if (score <= -DIRECTION_THRESHOLD) {
            return Direction.ESCALATION;
        }
        return score >= DIRECTION_THRESHOLD ? Direction.DE_ESCALATION : Direction.NEUTRAL;
    }

    /** The toll stated first (title first) for a violent event of the headline pair. */
    private Integer killed(Dyad headline) {
        String mainActor = null;
        for (Found f : found) {
            if (incident(f, headline) && !f.background && f.actor != null) {
                mainActor = f.actor;
                break;
            }
        }
        for (Found f : found) {
            boolean sameIncident = mainActor == null ? !f.inferred : mainActor.equals(f.actor);
            if (f.killed != null && incident(f, headline) && sameIncident) {
                return f.killed;
            }
        }
        return null;
    }

    private static boolean incident(Found f, Dyad headline) {
        return f.cue.conflict() && f.cue.material() && headline.equals(f.dyad) && f.modality == Modality.ASSERTED && !f.thirdParty;
    }

    private EventMention mention(Found f) {
        Sentences.Span s = f.sentence.span;
        int start = s.to() > s.from() ? tokens.get(s.from()).start() : 0;
        int end = s.to() > s.from() ? tokens.get(s.to() - 1).end() : 0;
        double confidence = f.dyad == null ? 0.3 : f.inferred ? 0.6 : 0.9;
        if (f.cue.has(Cue.Flag.SOFT)) {
            confidence *= 0.8;
        }
        String type = f.visit() ? "visit" : f.cue.type().equals("visit") ? "consult" : f.cue.type();
        Gazetteer.Mention place = f.sentence.mentions.stream().filter(m -> m.kind().isPlace()).findFirst().orElse(null);
        return new EventMention(type, f.actor, f.target, f.dyad, s.index(), start, end, text.substring(start, end),
                f.cue.phrase(), f.date, f.modality, Math.round(confidence * 100) / 100.0, f.cue.weight(), f.killed,
                place == null ? null : text.substring(tokens.get(place.start()).start(), tokens.get(place.end() - 1).end()),
                place == null ? null : place.code());
    }
}

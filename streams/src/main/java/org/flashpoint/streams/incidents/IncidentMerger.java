package org.flashpoint.streams.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.flashpoint.contracts.ClassifiedArticle;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.EventMention;
import org.flashpoint.contracts.Evidence;
import org.flashpoint.contracts.Incident;
import org.flashpoint.streams.incidents.DyadReport.Event;

/**
 * Merges the event mentions of one article into the incidents of one dyad. Pure apart from the store it is handed:
 * event time is an argument, and the result depends only on the sequence of calls.
 *
 * <p>Only asserted mentions count: historical, negated and hypothetical ones never open or update an incident.
 * Mentions of one article with the same kind, date and actor are one event; an event joins the open incident of the
 * same kind whose dates lie within the merge gap and whose actor does not contradict it (when either actor is unknown,
 * the tolls must be compatible and the places named must not lie in different states), the nearest in date first;
 * otherwise it opens a new incident.
 */
public final class IncidentMerger {

    /** Places listed on an incident; more are rarely new information and only lengthen the record. */
    static final int MAX_PLACES = 5;

    private final IncidentSettings settings;

    public IncidentMerger(IncidentSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * What each dyad's incident step needs of {@code analyzed}, one report per dyad it concerns; {@code eventTime} is
     * the article's event time. Runs before articles move to their dyads' partitions, so only this travels.
     */
    public List<DyadReport> reports(AnalyzedArticle analyzed, Instant eventTime) {
        return analyzed.dyads().stream().map(dyad -> report(dyad, analyzed, eventTime)).toList();
    }

    /** What the incident step of {@code dyad} needs of {@code analyzed}. */
    public DyadReport report(Dyad dyad, AnalyzedArticle analyzed, Instant eventTime) {
        ClassifiedArticle article = analyzed.article();
        return new DyadReport(dyad, article.id(), article.source(), article.url(), article.labels().borderIncident(),
                analyzed.fingerprint(), events(dyad, article, eventTime.atZone(ZoneOffset.UTC).toLocalDate()));
    }

    /**
     * Merges one article's events on a dyad into the open incidents kept in {@code store}; {@code eventTime} is the
     * article's event time. Reads the dyad's working set and only the incidents the article joins.
     *
     * @return incidents the article opened or reported on, in the order the article mentioned them
     */
    public List<Incident> merge(OpenIncidents store, DyadReport article, Instant eventTime) {
        Dyad dyad = article.dyad();
        DyadIncidents current = Objects.requireNonNullElse(store.dyad(dyad), DyadIncidents.EMPTY);
        Report report = new Report(article.articleId(), article.source(), eventTime, article.borderLabel(), article.fingerprint());

        List<OpenIncident> open = new ArrayList<>(current.open());
        Map<String, Incident> changed = new LinkedHashMap<>();
        for (Event event : article.events()) {
            Optional<Integer> match = bestMatch(open, event);
            IncidentState updated = match.isPresent()
                    ? join(joined(store, open.get(match.get()).id()), event, report, article)
                    : open(dyad, open, event, report, article);
            // Re-emitted even when a re-sent article changes nothing: an update is never skipped because state already
            // holds it, so replaying a record after a failure cannot lose its output (the KAFKA-12508 lesson).
            store.putIncident(updated);
            if (match.isPresent()) {
                open.set(match.get(), OpenIncident.of(updated));
            } else {
                open.add(OpenIncident.of(updated));
            }
            changed.put(updated.id(), updated.incident());
        }
        Instant newest = current.newestReport() == null || eventTime.isAfter(current.newestReport())
                ? eventTime : current.newestReport();
        LocalDate keepFrom = newest.atZone(ZoneOffset.UTC).toLocalDate()
                .minusDays(settings.staleAfter().toDays() + settings.mergeGap().toDays());
        List<OpenIncident> kept = new ArrayList<>();
        for (OpenIncident incident : open) {
            if (incident.lastDate().isBefore(keepFrom) && !changed.containsKey(incident.id())) {
                store.removeIncident(incident.id());
            } else {
                kept.add(incident);
            }
        }
        store.putDyad(dyad, new DyadIncidents(kept, newest));
        return List.copyOf(changed.values());
    }

    private static IncidentState joined(OpenIncidents store, String id) {
        IncidentState state = store.incident(id);
        if (state == null) {
            throw new IllegalStateException("the working set names incident " + id + " but its reports are missing");
        }
        return state;
    }

    private List<Event> events(Dyad dyad, ClassifiedArticle article, LocalDate published) {
        LocalDate oldest = published.minusDays(settings.staleAfter().toDays());
        // A day ahead is tolerated: the article's zone may be ahead of UTC.
        LocalDate newest = published.plusDays(1);
        Map<List<Object>, List<EventMention>> groups = new LinkedHashMap<>();
        for (EventMention m : article.events()) {
            if (!m.modality().countsAsNews() || !dyad.equals(m.dyad()) || m.confidence() < settings.minConfidence()) {
                continue;
            }
            LocalDate date = m.eventDate() == null ? published : m.eventDate();
            if (date.isBefore(oldest) || date.isAfter(newest)) {
                continue;
            }
            groups.computeIfAbsent(java.util.Arrays.asList(kind(m.type()), date, m.actor()), k -> new ArrayList<>()).add(m);
        }
        foldActorless(groups);
        List<Event> events = new ArrayList<>();
        groups.forEach((key, mentions) -> events.add(fold((String) key.get(0), (LocalDate) key.get(1), (String) key.get(2), mentions)));
        return events;
    }

    /** A mention without an actor belongs to the one event of its kind and date that has an actor, if exactly one does. */
    private static void foldActorless(Map<List<Object>, List<EventMention>> groups) {
        for (List<Object> key : new ArrayList<>(groups.keySet())) {
            if (key.get(2) != null) {
                continue;
            }
            List<List<Object>> withActor = groups.keySet().stream()
                    .filter(k -> k.get(2) != null && k.get(0).equals(key.get(0)) && k.get(1).equals(key.get(1)))
                    .toList();
            if (withActor.size() == 1) {
                groups.get(withActor.get(0)).addAll(groups.remove(key));
            }
        }
    }

    private static Event fold(String kind, LocalDate date, String actor, List<EventMention> mentions) {
        EventMention best = mentions.stream().min(BEST_MENTION).orElseThrow();
        double weight = strongest(mentions.stream().mapToDouble(EventMention::weight).toArray());
        Integer killed = mentions.stream().map(EventMention::killed).filter(Objects::nonNull).max(Integer::compare).orElse(null);
        String target = mentions.stream().map(EventMention::target).filter(Objects::nonNull).findFirst().orElse(null);
        EventMention placed = best.place() != null ? best
                : mentions.stream().filter(m -> m.place() != null).findFirst().orElse(best);
        return new Event(kind, date, actor, target, weight, killed, placed.place(), placed.placeState(), best);
    }

    private static final Comparator<EventMention> BEST_MENTION = Comparator
            .comparingDouble(EventMention::confidence).reversed()
            .thenComparing(Comparator.comparingDouble((EventMention m) -> Math.abs(m.weight())).reversed())
            .thenComparingInt(EventMention::sentence);

    private Optional<Integer> bestMatch(List<OpenIncident> open, Event event) {
        Integer best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < open.size(); i++) {
            OpenIncident candidate = open.get(i);
            if (!compatible(candidate, event)) {
                continue;
            }
            long distance = distance(candidate, event.date());
            // Open incidents are in opening order, so on a tie the older one wins.
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean compatible(OpenIncident incident, Event event) {
        boolean actorsKnown = incident.actor() != null && event.actor() != null;
        return incident.kind().equals(event.kind())
                && (!actorsKnown || incident.actor().equals(event.actor()))
                && distance(incident, event.date()) <= settings.mergeGap().toDays()
                // A named actor outweighs a toll or a place: tolls grow and get misattributed as reports come in, and
                // outlets name where a strike was launched as often as where it landed, so they only tell apart events
                // whose actor is unknown: clashes in two different states on one day are two incidents.
                && (actorsKnown || (tollsCompatible(incident.killed(), event.killed())
                        && placesCompatible(incident.placeState(), event.placeState())));
    }

    private boolean tollsCompatible(Integer a, Integer b) {
        if (a == null || b == null) {
            return true;
        }
        return (Math.max(a, b) + 1.0) / (Math.min(a, b) + 1.0) <= settings.casualtyRatio();
    }

    private static boolean placesCompatible(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    private static long distance(OpenIncident incident, LocalDate date) {
        if (date.isBefore(incident.firstDate())) {
            return ChronoUnit.DAYS.between(date, incident.firstDate());
        }
        if (date.isAfter(incident.lastDate())) {
            return ChronoUnit.DAYS.between(incident.lastDate(), date);
        }
        return 0;
    }

    private IncidentState open(Dyad dyad, List<OpenIncident> open, Event event, Report report, DyadReport article) {
        String base = dyad + "." + event.kind() + "." + event.date() + (event.actor() == null ? "" : "." + event.actor());
        String id = base;
        for (int n = 2; taken(open, id); n++) {
            id = base + "-" + n;
        }
        Incident seed = new Incident(id, dyad, event.kind(), Direction.NEUTRAL, false, List.of(), event.date(),
                report.published(), report.published(), List.of(), 0, List.of(), 0, null, 0, List.of());
        IncidentState empty = new IncidentState(seed, event.actor(), event.target(), event.placeState(), event.date(),
                event.date(), List.of(), List.of());
        return join(empty, event, report, article);
    }

    private static boolean taken(List<OpenIncident> open, String id) {
        return open.stream().anyMatch(i -> i.id().equals(id));
    }

    private IncidentState join(IncidentState state, Event event, Report report, DyadReport article) {
        Incident old = state.incident();
        List<Report> reports = new ArrayList<>(state.reports());
        if (reports.stream().noneMatch(r -> r.articleId().equals(report.articleId()))) {
            // A fingerprint is the bulk of a stored report; past the cap a report is clustered by outlet only, so one
            // heavily covered incident cannot push the dyad's changelog record past the broker's size limit.
            long fingerprinted = reports.stream().filter(r -> r.fingerprint() != null).count();
            reports.add(fingerprinted < IncidentState.MAX_FINGERPRINTED_REPORTS ? report
                    : new Report(report.articleId(), report.source(), report.published(), report.borderLabel(), null));
        }
        List<RankedEvidence> quotes = quotes(state.quotes(), event, article, report);
        double weight = strongest(old.weight(), event.weight());
        Integer killed = old.killed() == null ? event.killed()
                : event.killed() == null ? old.killed() : Integer.valueOf(Math.max(old.killed(), event.killed()));
        LocalDate first = event.date().isBefore(state.firstDate()) ? event.date() : state.firstDate();
        LocalDate last = event.date().isAfter(state.lastDate()) ? event.date() : state.lastDate();
        Direction direction = weight < 0 ? Direction.ESCALATION : weight > 0 ? Direction.DE_ESCALATION : Direction.NEUTRAL;
        boolean border = weight < 0 && reports.stream().anyMatch(Report::borderLabel);
        Instant firstSeen = reports.stream().map(Report::published).min(Comparator.naturalOrder()).orElseThrow();
        Instant lastSeen = reports.stream().map(Report::published).max(Comparator.naturalOrder()).orElseThrow();
        List<String> sources = List.copyOf(reports.stream().map(Report::source).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        Set<String> places = new LinkedHashSet<>(old.places());
        if (event.place() != null && places.size() < MAX_PLACES) {
            places.add(event.place());
        }
        Incident incident = new Incident(old.id(), old.dyad(), old.kind(), direction, border, List.copyOf(places), first,
                firstSeen, lastSeen, reports.stream().limit(Incident.MAX_ARTICLE_IDS).map(Report::articleId).toList(),
                reports.size(), sources, IndependentSources.count(reports, settings.nearDuplicateContainment()),
                killed, weight, quotes.stream().map(RankedEvidence::evidence).toList());
        return new IncidentState(incident, state.actor() != null ? state.actor() : event.actor(),
                state.target() != null ? state.target() : event.target(),
                state.placeState() != null ? state.placeState() : event.placeState(), first, last, reports, quotes);
    }

    private List<RankedEvidence> quotes(List<RankedEvidence> kept, Event event, DyadReport article, Report report) {
        EventMention m = event.best();
        RankedEvidence candidate = new RankedEvidence(
                new Evidence(article.articleId(), article.source(), article.url(), report.published(), m.quote(), m.type()),
                m.confidence(), Math.abs(m.weight()));
        List<RankedEvidence> all = new ArrayList<>();
        boolean replaced = false;
        for (RankedEvidence q : kept) {
            if (q.evidence().articleId().equals(article.articleId())) {
                all.add(RankedEvidence.BEST_FIRST.compare(candidate, q) < 0 ? candidate : q);
                replaced = true;
            } else {
                all.add(q);
            }
        }
        if (!replaced) {
            all.add(candidate);
        }
        all.sort(RankedEvidence.BEST_FIRST);
        return all.subList(0, Math.min(all.size(), settings.evidenceQuotes()));
    }

    /** The weight furthest from zero; on a tie the conflictual one, so an incident never looks calmer than reported. */
    private static double strongest(double... weights) {
        double best = 0;
        for (double w : weights) {
            if (Math.abs(w) > Math.abs(best) || (Math.abs(w) == Math.abs(best) && w < best)) {
                best = w;
            }
        }
        return best;
    }

    /** Event types become part of incident ids and URLs, so only lower-case letters, digits and '_' are kept. */
    static String kind(String type) {
        // One pass instead of two regular expressions: this runs for every event mention of every article.
        String lower = type.toLowerCase(Locale.ROOT);
        StringBuilder kind = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && kind.length() > 0) {
                    kind.append('_');
                }
                kind.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return kind.isEmpty() ? "event" : kind.toString();
    }
}

package org.flashpoint.streams.topology;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.flashpoint.streams.incidents.IncidentState;
import org.flashpoint.streams.incidents.Report;
import org.flashpoint.streams.incidents.TextFingerprint;

/**
 * An open incident as {@link FlashpointTopology#OPEN_INCIDENTS} stores it: its state without the text fingerprints of
 * the reports at the positions {@code apart}, each of which is a record of its own in
 * {@link FlashpointTopology#OPEN_INCIDENT_FINGERPRINTS}. A fingerprint never changes once written, yet it was most of
 * the state, which is rewritten whenever the incident gets a report: an incident with r reports wrote r(r+1)/2 of them.
 * <p>
 * The positions, not a flag on each report, tell a fingerprint stored apart from none at all (reports past
 * {@link IncidentState#MAX_FINGERPRINTED_REPORTS} have none): a record of the topology's own, so that the incidents
 * package keeps no trace of how Kafka stores it. State written by earlier builds, a bare {@link IncidentState} with its
 * fingerprints inline, reads as a stored incident with none apart, and is used as it is.
 *
 * @param apart  positions in {@code state.reports()} of the reports whose fingerprint is stored apart, ascending
 * @param state  the incident, with those reports' fingerprints null
 */
@JsonPropertyOrder({"apart", "state"})
@JsonDeserialize(using = StoredIncident.Reader.class)
record StoredIncident(List<Integer> apart, IncidentState state) {

    StoredIncident {
        apart = List.copyOf(apart);
        Objects.requireNonNull(state, "state");
    }

    /** {@code incident} as it is, fingerprints inline. */
    static StoredIncident inline(IncidentState incident) {
        return new StoredIncident(List.of(), incident);
    }

    /** {@code incident} without the fingerprints of its reports, whose owner stores them apart. */
    static StoredIncident apart(IncidentState incident) {
        List<Integer> apart = new ArrayList<>();
        List<Report> reports = new ArrayList<>(incident.reports().size());
        for (Report report : incident.reports()) {
            if (report.fingerprint() != null) {
                apart.add(reports.size());
                report = withFingerprint(report, null);
            }
            reports.add(report);
        }
        return new StoredIncident(apart, withReports(incident, reports));
    }

    /** Whether some report carries its fingerprint in this record rather than apart. */
    boolean hasInlineFingerprints() {
        return state.reports().stream().anyMatch(r -> r.fingerprint() != null);
    }

    /** The whole incident; {@code fingerprint} finds the fingerprint of a report whose fingerprint is stored apart. */
    IncidentState reassembled(Function<Report, TextFingerprint> fingerprint) {
        if (apart.isEmpty()) {
            return state;
        }
        List<Report> reports = new ArrayList<>(state.reports());
        for (int position : apart) {
            Report report = reports.get(position);
            reports.set(position, withFingerprint(report, fingerprint.apply(report)));
        }
        return withReports(state, reports);
    }

    private static Report withFingerprint(Report r, TextFingerprint fingerprint) {
        return new Report(r.articleId(), r.source(), r.published(), r.borderLabel(), fingerprint);
    }

    private static IncidentState withReports(IncidentState s, List<Report> reports) {
        return new IncidentState(s.incident(), s.actor(), s.target(), s.placeState(), s.firstDate(), s.lastDate(),
                reports, s.quotes());
    }

    /**
     * Reads both forms: {@code {"apart":[..],"state":{..}}}, and the bare state of earlier builds, whose first field is
     * one of the state's own. Decided on the first field name, so neither form is parsed twice.
     */
    static final class Reader extends StdDeserializer<StoredIncident> {

        Reader() {
            super(StoredIncident.class);
        }

        @Override
        public StoredIncident deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (StoredIncident) ctxt.handleUnexpectedToken(StoredIncident.class, p);
            }
            String field = p.nextFieldName();
            if (!"apart".equals(field) && !"state".equals(field)) {
                // The state's deserializer reads on from its first field, as it does inside any object.
                return inline(ctxt.readValue(p, IncidentState.class));
            }
            List<Integer> apart = null;
            IncidentState state = null;
            for (; field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case "apart" -> apart = ctxt.readValue(p, ctxt.getTypeFactory().constructCollectionType(List.class, Integer.class));
                    case "state" -> state = ctxt.readValue(p, IncidentState.class);
                    default -> ctxt.handleUnknownProperty(p, this, StoredIncident.class, field);
                }
            }
            if (apart == null || state == null) {
                return ctxt.reportInputMismatch(this, "a stored incident has 'apart' and 'state'");
            }
            return new StoredIncident(apart, state);
        }
    }
}

package org.flashpoint.alerts.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Evidence;
import org.flashpoint.contracts.Incident;
import org.flashpoint.contracts.Json;

/**
 * What a backtest produced: the alert notices in the order the topology would publish them, and every incident
 * update, so a reader can see what happened on a dyad besides what alerted.
 *
 * @param notices     alert notices, in emission order
 * @param incidents   incident updates, in emission order
 * @param articles    articles replayed
 * @param duplicates  articles dropped as duplicates
 * @param rejected    articles the analysis rejected
 */
public record Timeline(List<AlertNotice> notices, List<Incident> incidents, int articles, int duplicates, int rejected) {

    private static final int QUOTE_CHARS = 160;

    public Timeline {
        notices = List.copyOf(notices);
        incidents = List.copyOf(incidents);
    }

    /** One notice per line, the same JSON as on the {@code alerts} topic. */
    public String ndjson() {
        StringBuilder out = new StringBuilder();
        notices.forEach(n -> out.append(Json.writeString(n)).append('\n'));
        return out.toString();
    }

    /** The alert timeline for a person: one row per change, with the evidence behind each raise and upgrade. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TIME", "DYAD", "RULE", "STATE", "SEVERITY", "SEQ", "SUMMARY"});
        for (AlertNotice notice : notices) {
            Alert a = notice.data();
            rows.add(new String[] {a.updatedAt().toString(), a.dyad().toString(), a.rule(), a.state().name(),
                    a.severity() == null ? "-" : a.severity().name().toLowerCase(Locale.ROOT), Integer.toString(a.sequence()),
                    summaryAfterRule(a)});
        }
        int[] widths = new int[rows.get(0).length - 1];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < widths.length; i++) {
                out.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            out.append(row[row.length - 1]).append('\n');
            if (r > 0 && notices.get(r - 1).data().state() != Alert.State.RESOLVED) {
                evidence(notices.get(r - 1).data(), out);
            }
        }
        out.append(String.format(Locale.ROOT, "%d notices from %d articles (%d duplicates, %d rejected); %d border incidents%n",
                notices.size(), articles, duplicates, rejected, borderIncidents().size()));
        // Without a wall clock nothing resolves after the last article: say which alerts the corpus leaves open.
        openAtEnd().forEach(a -> out.append("  open at the end: ").append(a.alertId()).append(' ').append(a.state())
                .append(" since ").append(a.startsAt()).append('\n'));
        borderIncidents().forEach(i -> out.append("  border incident ").append(i.id()).append(": ")
                .append(i.killed() == null ? "no toll" : i.killed() + " killed").append(", ")
                .append(i.independentSources()).append(" independent source(s), ").append(i.direction()).append('\n'));
        return out.toString();
    }

    /** The last notice of every alert that had not resolved when the corpus ended. */
    public List<Alert> openAtEnd() {
        Map<String, Alert> latest = new LinkedHashMap<>();
        notices.forEach(n -> latest.put(n.data().alertId(), n.data()));
        return latest.values().stream().filter(a -> a.state() != Alert.State.RESOLVED).toList();
    }

    /** Every incident flagged as a border incident, at its latest version, in order of first report. */
    public List<Incident> borderIncidents() {
        Map<String, Incident> latest = new LinkedHashMap<>();
        incidents.forEach(i -> latest.put(i.id(), i));
        return latest.values().stream().filter(Incident::borderIncident).toList();
    }

    private static String summaryAfterRule(Alert alert) {
        String prefix = alert.dyad() + " " + alert.rule() + ": ";
        return alert.summary() != null && alert.summary().startsWith(prefix) ? alert.summary().substring(prefix.length())
                : String.valueOf(alert.summary());
    }

    private static void evidence(Alert alert, StringBuilder out) {
        for (Incident incident : alert.incidents()) {
            out.append("    ").append(incident.id()).append(" (")
                    .append(incident.killed() == null ? "no toll" : incident.killed() + " killed").append(", ")
                    .append(incident.independentSources()).append(" independent source(s))\n");
            if (!incident.evidence().isEmpty()) {
                Evidence e = incident.evidence().get(0);
                String quote = e.quote().replaceAll("\\s+", " ").strip();
                out.append("      \"").append(quote.length() > QUOTE_CHARS ? quote.substring(0, QUOTE_CHARS - 1) + "…" : quote)
                        .append("\" ").append(e.source()).append(' ').append(e.url()).append('\n');
            }
        }
    }
}

package org.flashpoint.alerts.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.Direction;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Evidence;
import org.flashpoint.contracts.Incident;

/** Alert notices for delivery tests, with an incident that carries evidence. */
public final class Notices {

    public static final Dyad IRN_PAK = Dyad.of("IRN", "PAK");
    public static final Instant START = Instant.parse("2024-01-17T00:00:00Z");

    private Notices() {
    }

    public static Incident strike() {
        return new Incident("IRN-PAK.assault.2024-01-16.IRN", IRN_PAK, "assault", Direction.ESCALATION, true, List.of(),
                LocalDate.parse("2024-01-16"), START, START.plusSeconds(3600), List.of("a-1", "a-2"), 2,
                List.of("Example Wire", "Sample Daily"), 2, 2, -10.0,
                List.of(new Evidence("a-1", "Example Wire", "https://news.example.org/a-1", START,
                        "Missiles struck a village near the border, killing two children.", "assault")));
    }

    /** Notice {@code sequence} of one tension-week episode on {@code dyad}, changed {@code hours} after the start. */
    public static AlertNotice notice(Dyad dyad, Alert.State state, Alert.Severity severity, int sequence, int hours) {
        return notice("tension-week", dyad, state, severity, sequence, hours);
    }

    /** Notice {@code sequence} of one episode of {@code rule} on {@code dyad}, changed {@code hours} after the start. */
    public static AlertNotice notice(String rule, Dyad dyad, Alert.State state, Alert.Severity severity, int sequence, int hours) {
        Instant updated = START.plusSeconds(3600L * hours);
        return AlertNotice.of(new Alert(rule + "." + dyad + ".20240117T000000Z", rule, dyad, severity, state,
                sequence, "net tension over the week is " + (10 + sequence), Map.of("tension", 10.0 + sequence),
                List.of(strike()), START, updated, state == Alert.State.RESOLVED ? updated : null));
    }

    public static AlertNotice firing(int sequence) {
        return notice(IRN_PAK, Alert.State.FIRING, Alert.Severity.WARNING, sequence, sequence);
    }
}

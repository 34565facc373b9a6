package org.flashpoint.alerts.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.flashpoint.alerts.delivery.DeliveryLog.Outcome;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;

/**
 * The delivery side's meters, on {@code /prometheus} with dots as underscores and counters ending in {@code _total}.
 */
public final class DeliveryMetrics {

    /** Notices read by webhook delivery, tagged {@code state}. */
    public static final String NOTICES = "flashpoint.alerts.notices";
    /** Alerts whose latest notice is in a state, tagged {@code state}: a gauge over the alert view. */
    public static final String ALERTS = "flashpoint.alerts.current";
    /** Webhook attempts, tagged {@code subscription} and {@code outcome} (delivered, failed, dead_lettered). */
    public static final String DELIVERIES = "flashpoint.webhook.deliveries";
    /** Notices a silence kept from a subscription, tagged {@code subscription}. */
    public static final String SILENCED = "flashpoint.webhook.silenced";
    /** Notices held for a grouped delivery instead of sent at once, tagged {@code subscription}. */
    public static final String HELD = "flashpoint.webhook.held";
    /** Deliveries that carried a group of notices, tagged {@code subscription}. */
    public static final String GROUPS = "flashpoint.webhook.groups";

    private final MeterRegistry meters;

    public DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Registers the per-state gauges of {@code view}; the registry holds the view only weakly, the caller keeps it. */
    public DeliveryMetrics watching(AlertView view) {
        for (Alert.State state : Alert.State.values()) {
            Gauge.builder(ALERTS, view, v -> v.count(state))
                    .tag("state", lower(state))
                    .description("alerts whose latest notice is in this state")
                    .register(meters);
        }
        return this;
    }

    void noticeRead(AlertNotice notice) {
        meters.counter(NOTICES, "state", lower(notice.data().state())).increment();
    }

    void attempt(String subscription, Outcome outcome) {
        if (outcome == Outcome.SILENCED) {
            meters.counter(SILENCED, "subscription", subscription).increment();
        } else {
            meters.counter(DELIVERIES, "subscription", subscription, "outcome", lower(outcome)).increment();
        }
    }

    void held(String subscription) {
        meters.counter(HELD, "subscription", subscription).increment();
    }

    void groupSent(String subscription) {
        meters.counter(GROUPS, "subscription", subscription).increment();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

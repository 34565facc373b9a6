package org.flashpoint.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert notice on the {@code alerts} topic, SSE and webhooks, in a CloudEvents 1.0 envelope (structured
 * JSON mode): {@code specversion}, {@code id}, {@code source}, {@code type}, {@code subject}, {@code time},
 * {@code datacontenttype} and {@code data}.
 *
 * @param specversion      always {@code "1.0"}
 * @param id               unique per notice: alert id + sequence number
 * @param source           the producing service, {@code /flashpoint/alerts}
 * @param type             {@code org.flashpoint.alert.<state>}, e.g. {@code org.flashpoint.alert.firing}
 * @param subject          the dyad key, {@code "IRN-PAK"}
 * @param time             event time of the state change
 * @param datacontenttype  {@code application/json}
 * @param data             the alert itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertNotice(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        Alert data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE = "/flashpoint/alerts";
    public static final String TYPE_PREFIX = "org.flashpoint.alert.";

    public AlertNotice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(data, "data");
    }

    /** Wraps an alert state change in its envelope. */
    public static AlertNotice of(Alert alert) {
        return new AlertNotice(SPEC_VERSION, alert.alertId() + "/" + alert.sequence(), SOURCE,
                TYPE_PREFIX + alert.state().name().toLowerCase(java.util.Locale.ROOT),
                alert.dyad().toString(), alert.updatedAt(), "application/json", alert);
    }
}

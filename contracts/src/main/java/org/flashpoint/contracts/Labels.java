package org.flashpoint.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The four article labels of LABELING.md. */
public record Labels(
        @JsonProperty("escalation") boolean escalation,
        @JsonProperty("de_escalation") boolean deEscalation,
        @JsonProperty("border_incident") boolean borderIncident,
        @JsonProperty("diplomatic_visit") boolean diplomaticVisit) {

    public static final Labels NONE = new Labels(false, false, false, false);

    public boolean any() {
        return escalation || deEscalation || borderIncident || diplomaticVisit;
    }
}

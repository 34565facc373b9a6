package org.flashpoint.streams.incidents;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What deciding whether a report joins an incident needs to know of it.
 *
 * @param id          the incident id
 * @param kind        its kind
 * @param actor       acting state when any report named one, else null
 * @param placeState  state of the first province or border region a report named, else null
 * @param firstDate   earliest event date reported
 * @param lastDate    latest event date reported
 * @param killed      highest toll reported, null when none
 */
public record OpenIncident(String id, String kind, String actor, String placeState, LocalDate firstDate,
                           LocalDate lastDate, Integer killed) {

    public OpenIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    static OpenIncident of(IncidentState state) {
        return new OpenIncident(state.id(), state.incident().kind(), state.actor(), state.placeState(),
                state.firstDate(), state.lastDate(), state.incident().killed());
    }
}

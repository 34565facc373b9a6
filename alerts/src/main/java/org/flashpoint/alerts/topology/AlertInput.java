package org.flashpoint.alerts.topology;

/**
 * One record for the evaluator: an indicator update or an incident update of a dyad. Both inputs travel through one
 * repartition topic keyed by dyad, so each dyad's updates reach the evaluator as one ordered log.
 *
 * @param indicator  the indicator, or null
 * @param incident   the incident, or null
 */
record AlertInput(org.flashpoint.contracts.DyadIndicator indicator, org.flashpoint.contracts.Incident incident) {

    AlertInput {
        if ((indicator == null) == (incident == null)) {
            throw new IllegalArgumentException("an alert input is an indicator or an incident");
        }
    }
}

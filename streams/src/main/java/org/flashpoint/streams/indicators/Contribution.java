package org.flashpoint.streams.indicators;

import org.flashpoint.contracts.Incident;

/**
 * What one incident adds to a window, as of its latest report inside that window.
 *
 * @param weight              signed event weight (negative: conflict)
 * @param killed              highest toll, 0 when none stated
 * @param border              a border incident
 * @param visit               a diplomatic visit
 * @param independentSources  independent sources reporting it
 */
public record Contribution(double weight, int killed, boolean border, boolean visit, int independentSources) {

    static Contribution of(Incident incident, boolean visit) {
        return new Contribution(incident.weight(), incident.killed() == null ? 0 : incident.killed(),
                incident.borderIncident(), visit, incident.independentSources());
    }

    /**
     * Weight scaled by corroboration: each independent source adds less than the one before (1 + ln n), so ten
     * outlets count more than one but not ten times as much.
     */
    double salience() {
        return Math.abs(weight) * (1 + Math.log(Math.max(1, independentSources)));
    }
}

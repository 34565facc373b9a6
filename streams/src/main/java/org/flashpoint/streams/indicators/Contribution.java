package org.flashpoint.streams.indicators;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.flashpoint.contracts.Incident;

/**
 * What one incident adds to a bucket, as of its latest report inside that bucket.
 *
 * <p>Stored as an array ({@code [weight, killed, border, visit, independentSources, reports]}): a bucket keeps one per
 * incident, and field names were most of its bytes.
 *
 * @param weight              signed event weight (negative: conflict)
 * @param killed              highest toll, 0 when none stated
 * @param border              a border incident
 * @param visit               a diplomatic visit
 * @param independentSources  independent sources reporting it
 * @param reports             reports of the incident so far; only grows, so of two contributions of one incident the
 *                            one with more reports is the later
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"weight", "killed", "border", "visit", "independentSources", "reports"})
public record Contribution(double weight, int killed, boolean border, boolean visit, int independentSources,
                           int reports) {

    static Contribution of(Incident incident, boolean visit) {
        return new Contribution(incident.weight(), incident.killed() == null ? 0 : incident.killed(),
                incident.borderIncident(), visit, incident.independentSources(), incident.reports());
    }

    /**
     * Weight scaled by corroboration: each independent source adds less than the one before (1 + ln n), so ten
     * outlets count more than one but not ten times as much.
     */
    double salience() {
        return Math.abs(weight) * (1 + Math.log(Math.max(1, independentSources)));
    }
}

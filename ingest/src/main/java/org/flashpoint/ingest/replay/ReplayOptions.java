package org.flashpoint.ingest.replay;

/**
 * How fast and how much to replay.
 *
 * @param speed simulated-clock factor: articles are spaced by their publication-time gaps divided by this
 *              (3600 = one hour of news a second); 0 = no spacing
 * @param rate  at most this many articles a second; 0 = unlimited
 * @param max   send at most this many articles; 0 = all
 */
public record ReplayOptions(double speed, double rate, int max) {

    public ReplayOptions {
        if (speed < 0 || rate < 0 || max < 0) {
            throw new IllegalArgumentException("speed, rate and max must be zero or positive");
        }
    }

    /** As fast as possible, everything. */
    public static ReplayOptions unlimited() {
        return new ReplayOptions(0, 0, 0);
    }
}

package org.flashpoint.streams.query;

import java.time.Instant;
import java.util.Map;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.DyadIndicator;

/**
 * A dyad with its current tension.
 *
 * @param key        URL form, {@code IRN-PAK}
 * @param dyad       the pair
 * @param lastEvent  event time of the latest article on the dyad
 * @param window     the window {@code tension} and {@code zScore} are taken from: the longest configured
 * @param tension    net tension of the newest window of that size
 * @param zScore     its z-score against the dyad's baseline
 * @param windows    the newest indicator of each window size
 */
public record DyadSummary(String key, Dyad dyad, Instant lastEvent, String window, double tension, double zScore,
                          Map<String, DyadIndicator> windows) {
}

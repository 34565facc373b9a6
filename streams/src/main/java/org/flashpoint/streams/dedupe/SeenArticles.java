package org.flashpoint.streams.dedupe;

import java.time.Instant;

/** Article ids already processed, with their event times: a window store in the topology, a map offline. */
public interface SeenArticles {

    /** True when {@code id} was remembered at an event time in [from, to]. */
    boolean seenBetween(String id, Instant from, Instant to);

    void remember(String id, Instant eventTime);
}

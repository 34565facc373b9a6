package org.flashpoint.streams.topology;

import org.flashpoint.contracts.RejectedRecord;

/** What a guarded step produced: a value to pass on, or a rejection for {@code articles.rejected}. */
record Outcome<T>(T value, RejectedRecord rejected) {

    static <T> Outcome<T> accepted(T value) {
        return new Outcome<>(value, null);
    }

    static <T> Outcome<T> rejected(RejectedRecord rejected) {
        return new Outcome<>(null, rejected);
    }

    boolean isRejected() {
        return rejected != null;
    }
}

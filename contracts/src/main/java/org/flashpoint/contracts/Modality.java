package org.flashpoint.contracts;

/** How a sentence presents an event; only {@link #ASSERTED} mentions count as new events. */
public enum Modality {
    ASSERTED,
    NEGATED,
    HYPOTHETICAL,
    HISTORICAL;

    public boolean countsAsNews() {
        return this == ASSERTED;
    }
}

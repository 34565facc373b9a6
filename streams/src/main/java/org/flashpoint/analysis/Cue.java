package org.flashpoint.analysis;

import java.util.Set;

/**
 * One entry of the event lexicon.
 *
 * @param phrase the cue as written in the data file
 * @param type   event type (PLOVER-style name)
 * @param weight signed Goldstein-scale weight: negative conflict, positive cooperation
 * @param flags  see {@code events.tsv}
 */
record Cue(String phrase, String type, double weight, Set<Flag> flags) {

    enum Flag { BORDER, VISIT, SOFT, APPEAL, MEDIATE, VICTIM, WEAK }

    boolean has(Flag f) {
        return flags.contains(f);
    }

    boolean conflict() {
        return weight < 0;
    }

    /** Material conflict (force, coercion, posture) as opposed to words: what a border incident is made of. */
    boolean material() {
        return type.equals("assault") || type.equals("coerce") || type.equals("mobilize");
    }
}

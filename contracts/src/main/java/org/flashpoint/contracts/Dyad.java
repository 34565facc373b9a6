package org.flashpoint.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An unordered pair of states, ISO 3166-1 alpha-3, stored sorted. In JSON payloads it is the pair
 * {@code ["IRN","PAK"]} as in LABELING.md; as a Kafka key and in URLs it is the string {@code "IRN-PAK"}.
 */
public record Dyad(String a, String b) implements Comparable<Dyad> {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public Dyad {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (!CODE.matcher(a).matches() || !CODE.matcher(b).matches()) {
            throw new IllegalArgumentException("dyad members must be ISO 3166-1 alpha-3 codes: " + a + ", " + b);
        }
        if (a.equals(b)) {
            throw new IllegalArgumentException("a dyad needs two different states: " + a);
        }
        if (a.compareTo(b) > 0) {
            String t = a;
            a = b;
            b = t;
        }
    }

    public static Dyad of(String x, String y) {
        return new Dyad(x, y);
    }

    /** Reads the JSON forms: {@code ["IRN","PAK"]} or {@code "IRN-PAK"}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Dyad fromJson(Object value) {
        if (value instanceof List<?> pair && pair.size() == 2) {
            return new Dyad(String.valueOf(pair.get(0)), String.valueOf(pair.get(1)));
        }
        if (value instanceof String text) {
            return parse(text);
        }
        throw new IllegalArgumentException("a dyad is a pair of ISO alpha-3 codes, got: " + value);
    }

    /** Parses {@code "IRN-PAK"} (either order). */
    public static Dyad parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().toUpperCase(java.util.Locale.ROOT).split("[-_:/ ]");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a dyad is written AAA-BBB, got: " + text);
        }
        return new Dyad(parts[0], parts[1]);
    }

    @JsonValue
    public List<String> members() {
        return List.of(a, b);
    }

    public boolean contains(String state) {
        return a.equals(state) || b.equals(state);
    }

    /** The key form, {@code "IRN-PAK"}. */
    @Override
    public String toString() {
        return a + "-" + b;
    }

    @Override
    public int compareTo(Dyad o) {
        return toString().compareTo(o.toString());
    }
}

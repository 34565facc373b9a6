package org.flashpoint.alerts.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.flashpoint.contracts.Dyad;

/**
 * Which dyads a rule watches: a list of patterns, any of which may match. {@code "*"} is every dyad,
 * {@code "IRN-*"} every dyad with Iran, {@code "IRN-PAK"} (either order) exactly that pair.
 */
public record DyadMatcher(List<String> patterns) {

    private static final Pattern PATTERN = Pattern.compile("\\*|[A-Z]{3}-\\*|\\*-[A-Z]{3}|[A-Z]{3}-[A-Z]{3}");

    public static final DyadMatcher ALL = new DyadMatcher(List.of("*"));

    public DyadMatcher {
        patterns = patterns.stream().map(p -> p.trim().toUpperCase(Locale.ROOT)).toList();
        for (String p : patterns) {
            if (!PATTERN.matcher(p).matches()) {
                throw new IllegalArgumentException("a dyad pattern is *, AAA-*, or AAA-BBB (ISO alpha-3), got: " + p);
            }
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one dyad pattern is needed");
        }
    }

    public boolean matches(Dyad dyad) {
        return patterns.stream().anyMatch(p -> matches(p, dyad));
    }

    private static boolean matches(String pattern, Dyad dyad) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] parts = pattern.split("-");
        if (parts[0].equals("*")) {
            return dyad.contains(parts[1]);
        }
        if (parts[1].equals("*")) {
            return dyad.contains(parts[0]);
        }
        return Dyad.of(parts[0], parts[1]).equals(dyad);
    }
}

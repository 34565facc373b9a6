package org.flashpoint.alerts.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A validated rules file.
 *
 * @param source              where it was read from, for messages
 * @param evaluationInterval  between records, rules are also evaluated on this grid of event time, so a
 *                            {@code for} or quiet period that elapses between two articles takes effect on time
 * @param rules               the rules, in file order (which is also the order of notices at one instant)
 */
public record RuleSet(String source, Duration evaluationInterval, List<Rule> rules) {

    /** The bundled default rules, documented in {@code rules.md} beside it. */
    public static final String DEFAULT_RESOURCE = "/org/flashpoint/alerts/rules/default-rules.yaml";

    public RuleSet {
        Objects.requireNonNull(source, "source");
        rules = List.copyOf(rules);
        if (evaluationInterval.isZero() || evaluationInterval.isNegative()) {
            throw new IllegalArgumentException("evaluation_interval must be positive");
        }
    }

    public static RuleSet loadDefault() {
        try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default rules missing from the classpath: " + DEFAULT_RESOURCE);
            }
            return RuleFile.parse("classpath:" + DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates a rules file; a bad file fails with a {@link RuleFileException} naming line and field. */
    public static RuleSet load(Path file) {
        try {
            return RuleFile.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuleFileException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** The longest look back of any rule: how much history the evaluator must keep. */
    public Duration lookback() {
        return rules.stream().map(Rule::lookback).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}

package org.flashpoint.alerts.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flashpoint.contracts.Alert.Severity;
import org.flashpoint.contracts.Direction;

/**
 * Reads a rules file (YAML, format in {@code rules.md}) into a {@link RuleSet}. YAML is read into a small tree that
 * remembers the line of every value, so each error names file, line and field; unknown fields are errors too, so a
 * typo ({@code raise_abve}) fails at load instead of silently using a default.
 */
final class RuleFile {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd])");
    private static final Set<String> COMMON = Set.of("name", "kind", "description", "dyads", "severity", "for", "quiet_period");

    private final String source;

    private RuleFile(String source) {
        this.source = source;
    }

    static RuleSet parse(String source, String text) {
        return new RuleFile(source).ruleSet(new TreeReader(source).read(text));
    }

    private RuleSet ruleSet(Node root) {
        if (root == null || !(root.value() instanceof Map)) {
            throw new RuleFileException(source, root == null ? 0 : root.line(), null,
                    "expected a mapping with 'evaluation_interval' and 'rules'");
        }
        Fields top = new Fields(root, "");
        top.allowOnly(Set.of("evaluation_interval", "rules"));
        Duration interval = top.duration("evaluation_interval", Duration.ofHours(1));
        if (interval.isZero()) {
            throw top.error("evaluation_interval", "must be positive");
        }
        Node list = top.required("rules");
        if (!(list.value() instanceof List<?> items) || items.isEmpty()) {
            throw new RuleFileException(source, list.line(), "rules", "expected a non-empty list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = (Node) items.get(i);
            String path = "rules[" + i + "]";
            if (!(item.value() instanceof Map)) {
                throw new RuleFileException(source, item.line(), path, "expected a mapping (name, kind, ...)");
            }
            Rule rule = rule(new Fields(item, path + "."));
            if (!names.add(rule.name())) {
                throw new RuleFileException(source, ((Map<?, ?>) item.value()).get("name") instanceof Node n ? n.line() : item.line(),
                        path + ".name", "duplicate rule name '" + rule.name() + "'");
            }
            rules.add(rule);
        }
        return new RuleSet(source, interval, rules);
    }

    private Rule rule(Fields f) {
        String name = f.string("name", null);
        if (!NAME.matcher(name).matches()) {
            throw f.error("name", "use lower-case letters, digits and '-' (it becomes part of alert ids), got '" + name + "'");
        }
        String kind = f.string("kind", null);
        Rule.Common common = new Rule.Common(name, f.string("description", ""), f.dyads("dyads"),
                f.severity("severity", Severity.WARNING), f.duration("for", Duration.ZERO),
                f.duration("quiet_period", Duration.ofDays(1)));
        return switch (kind) {
            case "threshold" -> threshold(f, common);
            case "spike" -> spike(f, common);
            case "incident" -> incident(f, common);
            default -> throw f.error("kind", "expected threshold, spike or incident, got '" + kind + "'");
        };
    }

    private Rule threshold(Fields f, Rule.Common common) {
        f.allowOnly(with(COMMON, "indicator", "window", "raise_above", "resolve_below", "critical_above"));
        String key = f.string("indicator", null);
        Indicator indicator = Indicator.byKey(key)
                .orElseThrow(() -> f.error("indicator", "unknown indicator '" + key + "'; one of " + Indicator.keys()));
        double raise = f.number("raise_above", null);
        double resolve = f.number("resolve_below", null);
        Double critical = f.optionalNumber("critical_above");
        if (resolve > raise) {
            throw f.error("resolve_below", "must not exceed raise_above (" + raise + "): the gap between them is the hysteresis");
        }
        if (critical != null && critical <= raise) {
            throw f.error("critical_above", "must exceed raise_above (" + raise + ")");
        }
        return new ThresholdRule(common, indicator, f.positiveDuration("window"), raise, resolve, critical);
    }

    private Rule spike(Fields f, Rule.Common common) {
        f.allowOnly(with(COMMON, "window", "z_above", "resolve_below", "critical_above", "min_tension"));
        double z = f.number("z_above", null);
        double resolve = f.number("resolve_below", null);
        Double critical = f.optionalNumber("critical_above");
        if (resolve > z) {
            throw f.error("resolve_below", "must not exceed z_above (" + z + ")");
        }
        if (critical != null && critical <= z) {
            throw f.error("critical_above", "must exceed z_above (" + z + ")");
        }
        return new SpikeRule(common, f.positiveDuration("window"), z, resolve, critical, f.number("min_tension", 0.0));
    }

    private Rule incident(Fields f, Rule.Common common) {
        f.allowOnly(with(COMMON, "within", "kinds", "direction", "border", "killed_at_least",
                "independent_sources_at_least", "critical_killed_at_least", "top_incidents"));
        String direction = f.string("direction", "any");
        Direction dir = switch (direction) {
            case "any" -> null;
            case "escalation" -> Direction.ESCALATION;
            case "de_escalation" -> Direction.DE_ESCALATION;
            default -> throw f.error("direction", "expected escalation, de_escalation or any, got '" + direction + "'");
        };
        int killed = f.count("killed_at_least", 0);
        Double critical = f.optionalNumber("critical_killed_at_least");
        if (critical != null && (critical != Math.rint(critical) || critical <= killed)) {
            throw f.error("critical_killed_at_least", "must be a whole number above killed_at_least (" + killed + ")");
        }
        return new IncidentRule(common, f.positiveDuration("within"), new LinkedHashSet<>(f.strings("kinds")), dir,
                f.bool("border", false), killed, f.count("independent_sources_at_least", 1),
                critical == null ? null : critical.intValue(), f.count("top_incidents", 3));
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** A YAML value with the line it starts on: a Map of Nodes, a List of Nodes, a scalar String, or null. */
    record Node(Object value, int line) {
    }

    /** Typed access to one mapping's fields, with errors naming the field path and line. */
    private final class Fields {
        private final Node node;
        private final Map<String, Node> map;
        private final String path;

        @SuppressWarnings("unchecked")
        Fields(Node node, String path) {
            this.node = node;
            this.map = (Map<String, Node>) node.value();
            this.path = path;
        }

        RuleFileException error(String field, String problem) {
            Node value = map.get(field);
            return new RuleFileException(source, value == null ? node.line() : value.line(), path + field, problem);
        }

        void allowOnly(Set<String> allowed) {
            for (Map.Entry<String, Node> e : map.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw new RuleFileException(source, e.getValue().line(), path + e.getKey(),
                            "unknown field; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        Node required(String field) {
            Node value = map.get(field);
            if (value == null || value.value() == null) {
                throw new RuleFileException(source, value == null ? node.line() : value.line(), path + field, "required");
            }
            return value;
        }

        String scalar(String field) {
            Node value = required(field);
            if (!(value.value() instanceof String text)) {
                throw error(field, "expected a single value, not a list or mapping");
            }
            return text;
        }

        String string(String field, String fallback) {
            return map.containsKey(field) || fallback == null ? scalar(field) : fallback;
        }

        double number(String field, Double fallback) {
            if (!map.containsKey(field) && fallback != null) {
                return fallback;
            }
            String text = scalar(field);
            try {
                double value = Double.parseDouble(text);
                if (!Double.isFinite(value)) {
                    throw error(field, "must be a finite number, got '" + text + "'");
                }
                return value;
            } catch (NumberFormatException e) {
                throw error(field, "must be a number, got '" + text + "'");
            }
        }

        Double optionalNumber(String field) {
            return map.containsKey(field) ? number(field, null) : null;
        }

        int count(String field, int fallback) {
            double value = number(field, (double) fallback);
            if (value < 0 || value != Math.rint(value)) {
                throw error(field, "must be a whole number of at least 0, got " + scalar(field));
            }
            return (int) value;
        }

        boolean bool(String field, boolean fallback) {
            if (!map.containsKey(field)) {
                return fallback;
            }
            String text = scalar(field);
            return switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error(field, "expected true or false, got '" + text + "'");
            };
        }

        Duration duration(String field, Duration fallback) {
            if (!map.containsKey(field)) {
                return fallback;
            }
            String text = scalar(field);
            Matcher m = SHORT_DURATION.matcher(text);
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                try {
                    d = Duration.parse(text.toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException e) {
                    throw error(field, "expected a duration such as 12h, 2d or ISO-8601 P2D / PT12H, got '" + text + "'");
                }
            }
            if (d.isNegative()) {
                throw error(field, "must not be negative, got '" + text + "'");
            }
            return d;
        }

        Duration positiveDuration(String field) {
            required(field);
            Duration d = duration(field, null);
            if (d.isZero()) {
                throw error(field, "must be positive");
            }
            return d;
        }

        Severity severity(String field, Severity fallback) {
            String text = string(field, fallback.name().toLowerCase(Locale.ROOT));
            return switch (text) {
                case "info" -> Severity.INFO;
                case "warning" -> Severity.WARNING;
                case "critical" -> Severity.CRITICAL;
                default -> throw error(field, "expected info, warning or critical, got '" + text + "'");
            };
        }

        List<String> strings(String field) {
            Node value = map.get(field);
            if (value == null) {
                return List.of();
            }
            if (!(value.value() instanceof List<?> items)) {
                throw error(field, "expected a list, e.g. [a, b]");
            }
            List<String> out = new ArrayList<>();
            for (Object o : items) {
                Node item = (Node) o;
                if (!(item.value() instanceof String text)) {
                    throw new RuleFileException(source, item.line(), path + field, "expected a list of single values");
                }
                out.add(text);
            }
            return out;
        }

        DyadMatcher dyads(String field) {
            if (!map.containsKey(field)) {
                return DyadMatcher.ALL;
            }
            try {
                return new DyadMatcher(strings(field));
            } catch (IllegalArgumentException e) {
                throw error(field, e.getMessage());
            }
        }
    }

    /** Reads YAML into {@link Node}s; duplicate keys are errors (YAML parsers would silently keep the last). */
    private record TreeReader(String source) {

        Node read(String text) {
            try (JsonParser parser = new YAMLFactory().createParser(text)) {
                JsonToken token = parser.nextToken();
                return token == null ? null : value(parser);
            } catch (RuleFileException e) {
                throw e;
            } catch (IOException e) {
                int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                        ? p.getLocation().getLineNr() : 0;
                throw new RuleFileException(source, line, null, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }

        private Node value(JsonParser parser) throws IOException {
            int line = parser.currentTokenLocation().getLineNr();
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                Map<String, Node> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    Node value = value(parser);
                    if (map.put(key, value) != null) {
                        throw new RuleFileException(source, keyLine, key, "duplicate key");
                    }
                }
                return new Node(map, line);
            }
            if (token == JsonToken.START_ARRAY) {
                List<Node> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return new Node(list, line);
            }
            return new Node(token == JsonToken.VALUE_NULL ? null : parser.getText(), line);
        }
    }
}

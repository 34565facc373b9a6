package org.flashpoint.alerts.rules;

/** A rules file that cannot be used, with where and why: {@code rules.yaml:12: rules[1].raise_above: must be a number}. */
public final class RuleFileException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;

    public RuleFileException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when the problem is the whole file. */
    public int line() {
        return line;
    }

    /** Path of the field, e.g. {@code rules[1].raise_above}; null when the problem is not one field. */
    public String field() {
        return field;
    }
}

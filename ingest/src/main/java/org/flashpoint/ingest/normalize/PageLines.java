package org.flashpoint.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Recognises page chrome and photo-caption lines, from the patterns of {@code page-lines.tsv}. */
public final class PageLines {

    private static final PageLines DEFAULT = load("page-lines.tsv");

    private final List<Pattern> chrome;
    private final List<Pattern> captions;

    private PageLines(List<Pattern> chrome, List<Pattern> captions) {
        this.chrome = List.copyOf(chrome);
        this.captions = List.copyOf(captions);
    }

    public static PageLines defaults() {
        return DEFAULT;
    }

    static PageLines load(String resource) {
        List<Pattern> chrome = new ArrayList<>();
        List<Pattern> captions = new ArrayList<>();
        for (DataFile.Row row : DataFile.rows(resource, 2)) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(row.columns().get(1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw row.error("bad pattern: " + e.getDescription());
            }
            switch (row.columns().get(0)) {
                case "chrome" -> chrome.add(pattern);
                case "caption" -> captions.add(pattern);
                default -> throw row.error("kind must be 'chrome' or 'caption', found '" + row.columns().get(0) + "'");
            }
        }
        return new PageLines(chrome, captions);
    }

    public boolean isChrome(String trimmedLine) {
        return chrome.stream().anyMatch(p -> p.matcher(trimmedLine).matches());
    }

    public boolean isCaption(String trimmedLine) {
        return captions.stream().anyMatch(p -> p.matcher(trimmedLine).matches());
    }
}

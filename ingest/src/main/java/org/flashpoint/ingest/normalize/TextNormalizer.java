package org.flashpoint.ingest.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns scraped text into article body text: Unicode NFC, one paragraph per line with single blank lines
 * between, chrome lines dropped and caption lines moved apart.
 */
public final class TextNormalizer {

    private final PageLines pageLines;

    public TextNormalizer(PageLines pageLines) {
        this.pageLines = pageLines;
    }

    public static TextNormalizer defaults() {
        return new TextNormalizer(PageLines.defaults());
    }

    public NormalizedText normalize(String raw, List<String> knownCaptions) {
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u00A0', ' ').replace("\u200B", "").replace("\uFEFF", "");
        List<String> captions = new ArrayList<>();
        for (String caption : knownCaptions) {
            String clean = collapse(Normalizer.normalize(caption, Normalizer.Form.NFC));
            if (!clean.isEmpty() && !captions.contains(clean)) {
                captions.add(clean);
            }
        }
        StringBuilder body = new StringBuilder();
        boolean blankPending = false;
        for (String line : nfc.split("\n", -1)) {
            String trimmed = collapse(line);
            if (trimmed.isEmpty()) {
                blankPending = body.length() > 0;
                continue;
            }
            if (pageLines.isChrome(trimmed) || captions.contains(trimmed)) {
                continue;
            }
            if (pageLines.isCaption(trimmed)) {
                captions.add(trimmed);
                continue;
            }
            if (body.length() > 0) {
                body.append(blankPending ? "\n\n" : "\n");
            }
            body.append(trimmed);
            blankPending = false;
        }
        return new NormalizedText(body.toString(), captions);
    }

    private static String collapse(String line) {
        return line.replaceAll("[\\t\\x0B\\f ]+", " ").strip();
    }
}

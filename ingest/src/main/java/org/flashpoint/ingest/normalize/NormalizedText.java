package org.flashpoint.ingest.normalize;

import java.util.List;

/** Article body text with page chrome removed, and the captions found in it. */
public record NormalizedText(String text, List<String> captions) {
    public NormalizedText {
        captions = List.copyOf(captions);
    }
}

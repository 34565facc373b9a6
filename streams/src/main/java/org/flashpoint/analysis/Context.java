package org.flashpoint.analysis;

import java.util.List;
import java.util.Locale;

/** The modality and context cues ({@code modality.tsv}): negation, conditionals, history, domains... */
final class Context {

    enum Kind {
        NEGATION, CONDITIONAL, FUTURE, HISTORICAL, BACKGROUND, APPEAL_VERB, REMOTE, PAIR_REFERENCE, PASSIVE, BORDER_WORD,
        DOMAIN_SPORTS, DOMAIN_DISASTER, DOMAIN_CRIME, DOMAIN_BUSINESS, DOMAIN_CULTURE;

        boolean isDomain() {
            return name().startsWith("DOMAIN_");
        }
    }

    private final PhraseIndex<Kind> index = new PhraseIndex<>();

    static Context load(DataFile file) {
        Context context = new Context();
        for (DataFile.Row row : file.rows(List.of("kind", "phrase"), 2)) {
            Kind kind;
            try {
                kind = Kind.valueOf(row.cell(0).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown kind '" + row.cell(0) + "'");
            }
            for (String raw : row.cell(1).split("\\|")) {
                List<String> words = Tokenizer.phrase(raw.trim());
                if (words.isEmpty()) {
                    throw row.error("empty phrase in '" + row.cell(1) + "'");
                }
                context.index.add(words, kind);
            }
        }
        return context;
    }

    PhraseIndex.Match<Kind> at(List<Token> tokens, int start, int limit) {
        return index.longest(tokens, start, limit);
    }
}

package org.flashpoint.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The event lexicon ({@code events.tsv}): cue phrases with their event type, weight and flags. */
final class Lexicon {

    private static final Pattern TYPE = Pattern.compile("[a-z_]+");

    private final PhraseIndex<Cue> index = new PhraseIndex<>();

    static Lexicon load(DataFile file) {
        Lexicon lexicon = new Lexicon();
        for (DataFile.Row row : file.rows(List.of("cue", "type", "weight", "flags"), 3)) {
            String type = row.cell(1);
            if (!TYPE.matcher(type).matches()) {
                throw row.error("event type must be lower-case letters and '_', got '" + type + "'");
            }
            double weight;
            try {
                weight = Double.parseDouble(row.cell(2));
            } catch (NumberFormatException e) {
                throw row.error("weight must be a number on the Goldstein scale, got '" + row.cell(2) + "'");
            }
            if (weight < -10 || weight > 10 || weight == 0) {
                throw row.error("weight must be non-zero and within -10..+10, got " + weight);
            }
            EnumSet<Cue.Flag> flags = EnumSet.noneOf(Cue.Flag.class);
            String flagCell = row.cell(3);
            if (!flagCell.isEmpty() && !flagCell.equals("-")) {
                for (String f : flagCell.split(",")) {
                    try {
                        flags.add(Cue.Flag.valueOf(f.trim().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw row.error("unknown flag '" + f.trim() + "' (border, visit, soft, appeal, mediate, victim, weak)");
                    }
                }
            }
            for (String raw : row.cell(0).split("\\|")) {
                List<String> words = Tokenizer.phrase(raw.trim());
                if (words.isEmpty() || words.get(0).equals("*")) {
                    throw row.error("cue '" + raw + "' is empty or starts with '*'");
                }
                lexicon.index.add(words, new Cue(raw.trim(), type, weight, EnumSet.copyOf(flags)));
            }
        }
        return lexicon;
    }

    /** The longest cue starting at token {@code start}, or null. */
    PhraseIndex.Match<Cue> at(List<Token> tokens, int start, int limit) {
        return index.longest(tokens, start, limit);
    }
}

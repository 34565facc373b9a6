package org.flashpoint.analysis;

/**
 * One token of the analysed text.
 *
 * @param start       offset in the text
 * @param end         end offset (exclusive)
 * @param lower       lower-cased form, quotes and apostrophes normalised
 * @param word        letters or digits (not punctuation)
 * @param capitalized first character is an upper-case letter
 * @param newlineBefore a line break separates it from the previous token
 */
record Token(int start, int end, String lower, boolean word, boolean capitalized, boolean newlineBefore) {

    boolean isNumber() {
        return word && Character.isDigit(lower.charAt(0));
    }
}

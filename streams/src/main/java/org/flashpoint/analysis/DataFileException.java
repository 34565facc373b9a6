package org.flashpoint.analysis;

/** A data file (gazetteer, lexicon, cues) that cannot be loaded; the message names the file and the line. */
public final class DataFileException extends RuntimeException {

    private final String file;
    private final int line;

    public DataFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line number, 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}

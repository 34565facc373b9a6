package org.flashpoint.ingest.corpus;

/** Why an input was rejected; {@link #code()} is the {@code reason} of the record on {@code articles.rejected}. */
public enum Reason {
    EMPTY("empty", "the input is empty"),
    BINARY("binary_content", "the input is binary data, not text"),
    INVALID_UTF8("invalid_utf8", "the input is not valid UTF-8"),
    TRUNCATED_GZIP("truncated_gzip", "the gzip stream ends early or is corrupt"),
    TRUNCATED_WARC("truncated_warc", "the WARC file ends inside a record or is corrupt"),
    MALFORMED("malformed", "the input cannot be parsed in its format"),
    XML_DTD_REFUSED("xml_dtd_refused", "the XML declares a DTD or entities, which are refused so nothing is fetched or expanded"),
    MISSING_TEXT("missing_text", "the item has no article text"),
    TEXT_TOO_LARGE("text_too_large", "the text is over the size limit"),
    FILE_TOO_LARGE("file_too_large", "the file is over the size limit"),
    FIELD_TOO_LARGE("field_too_large", "a title, source or URL is over the length limit"),
    ITEM_TOO_LARGE("item_too_large", "the item is over the size limit"),
    TOO_MANY_ITEMS("too_many_items", "the request holds more articles than one request may"),
    UNPARSEABLE_DATE("unparseable_date", "the publication date is in no known format"),
    FUTURE_DATE("future_date", "the publication date is in the future"),
    INVALID_FIELD("invalid_field", "a field has the wrong type"),
    DUPLICATE("duplicate", "the same article (same text and source) was already accepted"),
    SYMLINK_LOOP("symlink_loop", "a symbolic link leads back into its own directory"),
    OUTSIDE_ROOT("outside_root", "a symbolic link leads outside the paths given"),
    UNREADABLE("unreadable", "the file cannot be read"),
    UNSUPPORTED_FORMAT("unsupported_format", "the file type is not a supported corpus format");

    private final String code;
    private final String description;

    Reason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}

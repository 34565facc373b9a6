package org.flashpoint.contracts;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.stream.Collectors;

/** A payload that does not match its contract, with the JSON path of the offending field. */
public final class PayloadException extends RuntimeException {

    private final String path;

    public PayloadException(String message, String path, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** JSON path of the field at fault, e.g. {@code events[2].modality}, or empty. */
    public String path() {
        return path;
    }

    static PayloadException from(Class<?> type, IOException e) {
        String path = "";
        String detail = e.getMessage();
        if (e instanceof JsonMappingException m) {
            path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining())
                    .replaceFirst("^\\.", "");
            detail = m.getOriginalMessage();
            Throwable root = m.getCause();
            if (root != null && root.getMessage() != null && detail != null && detail.contains("problem:")) {
                detail = root.getMessage();
            }
        }
        String where = path.isEmpty() ? "" : " at '" + path + "'";
        String firstLine = detail == null ? e.getClass().getSimpleName() : detail.lines().findFirst().orElse(detail);
        return new PayloadException("invalid " + type.getSimpleName() + where + ": " + firstLine, path, e);
    }
}

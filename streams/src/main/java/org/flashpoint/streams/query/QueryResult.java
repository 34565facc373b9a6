package org.flashpoint.streams.query;

/**
 * An HTTP answer as text, whether computed here or relayed from the owning instance.
 *
 * @param status       HTTP status
 * @param contentType  media type of the body
 * @param body         the body
 */
public record QueryResult(int status, String contentType, String body) {

    public static QueryResult json(String body) {
        return new QueryResult(200, "application/json", body);
    }
}

package org.flashpoint.streams.query;

/**
 * A query that cannot be answered, carrying what an RFC 9457 problem document needs.
 */
public final class QueryProblem extends RuntimeException {

    private final int status;
    private final String title;

    public QueryProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static QueryProblem badRequest(String detail) {
        return new QueryProblem(400, "Bad request", detail);
    }

    public static QueryProblem notFound(String detail) {
        return new QueryProblem(404, "Not found", detail);
    }

    public static QueryProblem unavailable(String detail) {
        return new QueryProblem(503, "State not available", detail + "; retry in a few seconds");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}

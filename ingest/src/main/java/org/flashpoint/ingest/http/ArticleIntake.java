package org.flashpoint.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.ingest.corpus.ArticleBuilder;
import org.flashpoint.ingest.corpus.JsonArticles;
import org.flashpoint.ingest.corpus.RawArticle;
import org.flashpoint.ingest.corpus.Reason;
import org.flashpoint.ingest.publish.ArticleSink;

/**
 * The article API without HTTP: parses a request body (one JSON article, a JSON array, or NDJSON), publishes the
 * valid items and every rejection, and says what happened to each item. Returns after Kafka acknowledged.
 */
public final class ArticleIntake {

    static final String STAGE = "http";
    public static final String NDJSON = "application/x-ndjson";
    /** Most articles in one request, so one request is a bounded amount of work (and of rate-limit credit). */
    public static final int MAX_ITEMS = 1_000;

    /** One rejected item of a request. {@code item} is its 0-based position (array index or NDJSON line). */
    public record ItemError(int item, String field, String reason, String detail) {
    }

    /**
     * What happened to a request.
     *
     * @param status      202 when every item was accepted, 422 when some were rejected, 400 when the body is
     *                    not JSON at all, 413 for more than {@link #MAX_ITEMS} items, 415 for other media types
     * @param accepted    ids of the accepted articles, in request order
     * @param duplicates  items that repeated an earlier item of the same request (sent once)
     */
    public record Result(int status, String requestId, List<String> accepted, int duplicates, List<ItemError> errors,
                         String detail) {
    }

    private final ArticleBuilder builder;
    private final ArticleSink sink;

    public ArticleIntake(ArticleBuilder builder, ArticleSink sink) {
        this.builder = builder;
        this.sink = sink;
    }

    public Result accept(byte[] body, String contentType, String requestId, Instant now) {
        String media = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        if (media.equals("application/json") || media.endsWith("+json")) {
            JsonNode root;
            try {
                root = Json.mapper().readTree(body);
            } catch (IOException e) {
                return whole(400, Reason.MALFORMED, "the body is not JSON: " + firstLine(e.getMessage()), body,
                        requestId, now, sent);
            }
            if (root == null) {
                return whole(400, Reason.EMPTY, "the body is empty", body, requestId, now, sent);
            }
            if (root.isArray() && root.size() > MAX_ITEMS) {
                return tooMany(root.size(), body, requestId, now, sent);
            }
            if (root.isArray()) {
                root.forEach(items::add);
            } else {
                items.add(root);
            }
        } else if (media.equals(NDJSON)) {
            List<String> lines = new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() > MAX_ITEMS) {
                return tooMany(lines.size(), body, requestId, now, sent);
            }
            for (String line : lines) {
                int index = items.size();
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                if (bytes.length > ArticleBuilder.MAX_ITEM_BYTES) {
                    items.add(null);
                    String detail = "line of " + bytes.length + " bytes, the limit is " + ArticleBuilder.MAX_ITEM_BYTES;
                    errors.add(new ItemError(index, "(line)", Reason.ITEM_TOO_LARGE.code(), detail));
                    sent.add(sink.rejected(ArticleBuilder.rejection(Reason.ITEM_TOO_LARGE, detail,
                            origin(requestId, index), STAGE, now, bytes)));
                    continue;
                }
                try {
                    items.add(Json.mapper().readTree(line));
                } catch (IOException e) {
                    items.add(null);
                    errors.add(new ItemError(index, "(line)", Reason.MALFORMED.code(), "not JSON: " + firstLine(e.getMessage())));
                    sent.add(sink.rejected(ArticleBuilder.rejection(Reason.MALFORMED, firstLine(e.getMessage()),
                            origin(requestId, index), STAGE, now, bytes)));
                }
            }
            if (items.isEmpty()) {
                return whole(400, Reason.EMPTY, "the body has no NDJSON lines", body, requestId, now, sent);
            }
        } else {
            return whole(415, Reason.UNSUPPORTED_FORMAT, "send application/json (an article or an array of articles)"
                    + " or " + NDJSON + ", not '" + media + "'", body, requestId, now, sent);
        }
        List<String> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode node = items.get(i);
            if (node == null) {
                continue;
            }
            byte[] original = Json.write(node);
            RawArticle raw;
            try {
                raw = JsonArticles.from(node, origin(requestId, i), original);
            } catch (JsonArticles.FieldError e) {
                errors.add(new ItemError(i, e.field(), Reason.INVALID_FIELD.code(), e.getMessage()));
                sent.add(sink.rejected(ArticleBuilder.rejection(Reason.INVALID_FIELD, e.getMessage(),
                        origin(requestId, i), STAGE, now, original)));
                continue;
            }
            ArticleBuilder.Outcome outcome = builder.build(raw, now, STAGE);
            if (outcome instanceof ArticleBuilder.Rejected rejected) {
                errors.add(new ItemError(i, rejected.field(), rejected.reason().code(), rejected.record().message()));
                sent.add(sink.rejected(rejected.record()));
                continue;
            }
            Article article = ((ArticleBuilder.Accepted) outcome).article();
            if (!seen.add(article.id())) {
                duplicates++;
                sent.add(sink.rejected(ArticleBuilder.rejection(Reason.DUPLICATE, "repeats an earlier item of the"
                        + " same request (article " + article.id() + ")", raw.origin(), STAGE, now, original)));
                continue;
            }
            accepted.add(article.id());
            sent.add(sink.article(article));
        }
        await(sent);
        int status = errors.isEmpty() ? 202 : 422;
        String detail = errors.isEmpty() ? accepted.size() + " accepted"
                : errors.size() + " of " + items.size() + " items rejected, " + accepted.size() + " accepted";
        return new Result(status, requestId, accepted, duplicates, errors, detail);
    }

    private Result tooMany(int count, byte[] body, String requestId, Instant now, List<CompletableFuture<Void>> sent) {
        return whole(413, Reason.TOO_MANY_ITEMS, count + " articles, the limit is " + MAX_ITEMS
                + " a request; split them over several requests", body, requestId, now, sent);
    }

    private Result whole(int status, Reason reason, String detail, byte[] body, String requestId, Instant now,
                         List<CompletableFuture<Void>> sent) {
        RejectedRecord rejection = ArticleBuilder.rejection(reason, detail, "http:" + requestId, STAGE, now, body);
        sent.add(sink.rejected(rejection));
        await(sent);
        return new Result(status, requestId, List.of(), 0,
                List.of(new ItemError(-1, "(body)", reason.code(), rejection.message())), rejection.message());
    }

    private static void await(List<CompletableFuture<Void>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getCause().getMessage(), e);
        }
    }

    private static String origin(String requestId, int item) {
        return "http:" + requestId + "#item" + item;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

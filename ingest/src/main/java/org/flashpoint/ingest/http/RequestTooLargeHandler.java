package org.flashpoint.ingest.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A body over {@code micronaut.server.max-request-size} is answered 413 as a problem document. */
@Produces(Problems.PROBLEM_JSON)
@Singleton
@Requires(env = "ingest")
@Replaces(ContentLengthExceededHandler.class)
public class RequestTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<String>> {

    @Override
    public HttpResponse<String> handle(HttpRequest request, ContentLengthExceededException exception) {
        return Problems.respond(Problems.problem(413, "Request too large",
                exception.getMessage() + "; split the articles over several requests", request.getPath()));
    }
}

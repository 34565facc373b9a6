package org.flashpoint.alerts.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flashpoint.contracts.Json;

/** Writes an {@link ApiProblem} as an RFC 9457 {@code application/problem+json} document. */
@Produces(ApiProblemHandler.PROBLEM_JSON)
@Singleton
@Requires(env = "alerts")
public class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<String>> {

    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public HttpResponse<String> handle(HttpRequest request, ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", request.getPath());
        return HttpResponse.<String>status(HttpStatus.valueOf(problem.status()))
                .contentType(PROBLEM_JSON)
                .body(Json.writeString(body));
    }
}

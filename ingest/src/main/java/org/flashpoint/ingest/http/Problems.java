package org.flashpoint.ingest.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flashpoint.contracts.Json;

/** RFC 9457 problem documents of the ingest API and of the access filters. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    public static Map<String, Object> problem(int status, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        return body;
    }

    public static MutableHttpResponse<String> respond(Map<String, Object> problem) {
        return HttpResponse.<String>status(HttpStatus.valueOf((Integer) problem.get("status")))
                .contentType(PROBLEM_JSON)
                .body(Json.writeString(problem));
    }
}

package org.flashpoint.streams.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another instance the same question over HTTP and hands its answer back unchanged. */
public class Forwarder {

    /** Marks a forwarded request, so an instance that no longer owns the key answers 503 instead of forwarding again. */
    public static final String HEADER = "X-Flashpoint-Forwarded";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The answer of {@code host} to {@code pathAndQuery}. */
    public QueryResult get(HostInfo host, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header(HEADER, "1")
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("application/json");
            return new QueryResult(response.statusCode(), type, response.body());
        } catch (IOException e) {
            throw QueryProblem.unavailable("instance " + host + " owning the data did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QueryProblem.unavailable("interrupted while asking " + host);
        }
    }
}

package org.flashpoint.alerts.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP webhook receiver on 127.0.0.1 that answers 500 to its first {@code failures} requests, 204 after. */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String id, String timestamp, String signature, byte[] body, int answeredWith) {
    }

    private final HttpServer server;
    private final AtomicInteger remainingFailures;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Received> accepted = new LinkedBlockingQueue<>();

    public WebhookReceiver(int failures) throws IOException {
        this.remainingFailures = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = remainingFailures.getAndDecrement() > 0 ? 500 : 204;
            Received r = new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, status);
            received.add(r);
            if (status == 204) {
                accepted.add(r);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers 500 to the next {@code failures} requests as well. */
    public void failNext(int failures) {
        remainingFailures.set(failures);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** Every request so far, failed ones included, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The next accepted request, or null when none came within {@code timeout}. */
    public Received nextAccepted(Duration timeout) throws InterruptedException {
        return accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.flashpoint.alerts.http;

import java.util.function.BooleanSupplier;
import org.flashpoint.alerts.delivery.WebhookRegistry;

/** A request the alerts API cannot answer, with what an RFC 9457 problem document needs. */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;

    public ApiProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Service unavailable", detail);
    }

    /**
     * Runs a change to the webhook registry: a change to an entry of the webhooks file is a conflict, one the journal
     * could not keep (Kafka unreachable) is unavailable; either way nothing changed.
     */
    static boolean registryChange(BooleanSupplier change) {
        try {
            return change.getAsBoolean();
        } catch (WebhookRegistry.DefinedInFile e) {
            throw conflict(e.getMessage());
        } catch (WebhookRegistry.Unavailable e) {
            throw unavailable(e.getMessage());
        }
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}

package org.flashpoint.alerts.dashboard;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flashpoint.alerts.delivery.AlertView;
import org.flashpoint.alerts.http.ApiProblem;
import org.flashpoint.contracts.Dyad;
import org.flashpoint.contracts.Json;

/**
 * The dashboard: the page at {@code /} (its scripts and styles are static resources under {@code /dashboard/}, the
 * chart library under {@code /webjars/}) and the data it polls. Live alerts come from the SSE stream.
 */
@Controller
@Requires(env = "alerts")
public class DashboardController {

    static final String PAGE = "public/dashboard/index.html";
    private static final int INCIDENTS_SHOWN = 40;

    private final DashboardView dashboard;
    private final AlertView alerts;
    private final String page;

    public DashboardController(DashboardView dashboard, AlertView alerts) {
        this.dashboard = dashboard;
        this.alerts = alerts;
        this.page = readPage();
    }

    @Get(produces = MediaType.TEXT_HTML)
    public String index() {
        return page;
    }

    @Get(uri = "/api/v1/dashboard{?dyad}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> data(@Nullable @QueryValue String dyad) {
        Dyad shown;
        try {
            shown = dyad == null || dyad.isBlank() ? null : Dyad.parse(dyad);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertNotices", alerts.noticeCount());
        body.put("view", dashboard.snapshot(shown, INCIDENTS_SHOWN));
        return HttpResponse.ok(Json.writeString(body));
    }

    private static String readPage() {
        try (InputStream in = DashboardController.class.getClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard page " + PAGE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.flashpoint.alerts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flashpoint.alerts.delivery.DeliverySettings;
import org.flashpoint.alerts.delivery.Notices;
import org.flashpoint.alerts.delivery.TransactionalSender;
import org.flashpoint.contracts.Alert;
import org.flashpoint.contracts.AlertNotice;
import org.flashpoint.contracts.DyadIndicator;
import org.flashpoint.contracts.Topics;
import org.flashpoint.deploy.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium while notices are produced to a real broker: an alert appears through SSE,
 * the timeline and incidents are drawn, and a screenshot is saved as {@code target/dashboard.png}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DashboardBrowserIT {

    @Test
    @Timeout(180)
    void the_page_shows_an_alert_pushed_over_sse_with_its_evidence_the_timeline_and_the_incidents(
            KafkaBrokerExtension.KafkaBroker broker) throws Exception {
        HeadlessChromium.assumeInstalled();
        String prefix = "dashboard-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        DeliverySettings topics = DeliverySettings.defaults(broker.bootstrapServers());
        topics = new DeliverySettings(topics.bootstrapServers(), prefix, null, null, topics.backoff(), topics.timeout());

        try (ApplicationContext context = ApplicationContext.builder()
                .environments("alerts")
                .properties(Map.of("micronaut.server.port", -1,
                        "flashpoint.alerts.bootstrap-servers", broker.bootstrapServers(),
                        "flashpoint.alerts.topic-prefix", prefix,
                        "flashpoint.alerts.webhooks.group-id", prefix + "webhooks"))
                .start();
             TransactionalSender sender = new TransactionalSender(broker.bootstrapServers())) {
            String url = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).start().getPort() + "/";
            sender.send(topics.topic(Topics.INCIDENTS), Notices.strike().id(), Notices.strike());
            for (DyadIndicator indicator : januaryIndicators()) {
                sender.send(topics.topic(Topics.INDICATORS), "IRN-PAK", indicator);
            }
            ChromeDriver browser = HeadlessChromium.start();
            try {
                browser.get(url);
                // Produced only now, with the page already open: they can only arrive over SSE.
                DeliverySettings alertTopics = topics;
                Thread producing = new Thread(() -> {
                    for (AlertNotice notice : List.of(Notices.firing(1),
                            Notices.notice(Notices.IRN_PAK, Alert.State.UPGRADED, Alert.Severity.CRITICAL, 2, 30))) {
                        sender.send(alertTopics.topic(Topics.ALERTS), "IRN-PAK", notice);
                    }
                });
                producing.start();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts li.alert-card.critical")));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#incidents li.incident")));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "alert notices 2"));
                producing.join();
                Path screenshot = HeadlessChromium.screenshot(browser, "dashboard.png");

                // The list is redrawn on every notice: read it now rather than hold an element.
                assertThat(browser.findElement(By.id("alerts")).getText()).contains("UPGRADED").contains("IRN–PAK").contains("Missiles struck a village");
                assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("live");
                assertThat(browser.findElement(By.cssSelector("#incidents li.incident")).getText())
                        .contains("assault").contains("border incident").contains("2 killed");
                assertThat(((Number) browser.executeScript(
                        "return Chart.getChart('timeline').data.datasets.filter(d => d.type === 'line')[0].data.length")).intValue())
                        // Day windows ending 2 … 17 January, and the current one ending 18 January (newest report 17 January 01:00).
                        .isEqualTo(17);
                assertThat(Files.size(screenshot)).isPositive();
            } finally {
                browser.quit();
            }
        }
    }

    /** A day-window tension line for IRN-PAK over January 2024, with the mid-month strikes standing out. */
    private static List<DyadIndicator> januaryIndicators() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        return java.util.stream.IntStream.range(0, 31).mapToObj(day -> {
            double tension = day >= 15 && day <= 18 ? 18 - 2 * Math.abs(day - 16.5) : day > 20 ? -3 : 1;
            Instant windowStart = start.plus(Duration.ofDays(day));
            return new DyadIndicator(Notices.IRN_PAK, Duration.ofDays(1), windowStart, windowStart.plus(Duration.ofDays(1)),
                    Math.max(tension, 0), Math.max(-tension, 0), tension, 3, 1, day == 16 ? 1 : 0, day > 20 ? 1 : 0,
                    day == 16 ? 2 : 0, 2, 1, 1, tension - 1, List.of());
        }).toList();
    }
}

package org.flashpoint.streams.topology;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Flashpoint's own Kafka Streams metrics: group {@code stream-flashpoint-metrics}, names {@code <operation>-total}
 * and {@code <operation>-rate}, e.g. {@code duplicate-articles-total}.
 */
public final class Metrics {

    public static final String SCOPE = "flashpoint";
    /** Articles dropped because their id was seen within the dedupe retention. */
    public static final String DUPLICATE_ARTICLES = "duplicate-articles";
    /** Dyad updates of articles that arrived after one of their windows had closed. */
    public static final String LATE_ARTICLES = "late-articles";
    /** Articles the analysis engine classified. */
    public static final String ANALYZED_ARTICLES = "analyzed-articles";
    /** Incidents opened (first report) and incident updates (every report). */
    public static final String OPENED_INCIDENTS = "opened-incidents";
    public static final String INCIDENT_UPDATES = "incident-updates";
    /** Records sent to {@code articles.rejected}, one sensor per reason: {@code rejected-<reason>}. */
    public static final String REJECTED_PREFIX = "rejected-";

    private Metrics() {
    }

    static Sensor counter(ProcessingContext context, String operation) {
        return context.metrics().addRateTotalSensor(SCOPE, "pipeline", operation, Sensor.RecordingLevel.INFO);
    }
}

package org.flashpoint.streams.topology;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.flashpoint.contracts.Incident;
import org.flashpoint.streams.incidents.DyadReport;
import org.flashpoint.streams.incidents.IncidentMerger;
import org.flashpoint.streams.incidents.OpenIncidents;
import org.flashpoint.streams.indicators.DyadActivity;

/**
 * Keyed by dyad: merges an article into the dyad's open incidents, keeps every incident by id for queries (ids start
 * with the dyad, so they live on the dyad's partition), and passes the article's incident changes on.
 */
final class MergeIncidents extends GuardedProcessor<DyadReport, DyadActivity> {

    private final IncidentMerger merger;
    private OpenIncidents open;
    private KeyValueStore<String, Incident> incidents;
    private Sensor opened;
    private Sensor updated;

    MergeIncidents(IncidentMerger merger) {
        super("processing_failed");
        this.merger = merger;
    }

    @Override
    void open(ProcessorContext<String, Outcome<DyadActivity>> context) {
        open = new KafkaOpenIncidents(context.getStateStore(FlashpointTopology.INCIDENT_WORKING_SETS),
                context.getStateStore(FlashpointTopology.OPEN_INCIDENTS),
                context.getStateStore(FlashpointTopology.OPEN_INCIDENT_FINGERPRINTS));
        incidents = context.getStateStore(FlashpointTopology.INCIDENTS_STORE);
        opened = Metrics.counter(context, Metrics.OPENED_INCIDENTS);
        updated = Metrics.counter(context, Metrics.INCIDENT_UPDATES);
    }

    @Override
    void handle(Record<String, DyadReport> record) {
        DyadReport report = record.value();
        Instant eventTime = Instant.ofEpochMilli(record.timestamp());
        List<Incident> changed = merger.merge(open, report, eventTime);
        for (Incident incident : changed) {
            incidents.put(incident.id(), incident);
            updated.record();
            if (incident.reports() == 1) {
                opened.record();
            }
        }
        emit(record, record.key(), new DyadActivity(report.dyad(), report.articleId(), eventTime, changed));
    }
}

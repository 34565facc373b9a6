package org.flashpoint.streams.topology;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Record;
import org.flashpoint.streams.incidents.AnalyzedArticle;
import org.flashpoint.streams.incidents.DyadReport;
import org.flashpoint.streams.incidents.IncidentMerger;

/** Re-keys an analysed article by each dyad it concerns, keeping only what that dyad's incident step reads. */
final class RouteToDyads extends GuardedProcessor<AnalyzedArticle, DyadReport> {

    private final IncidentMerger merger;

    RouteToDyads(IncidentMerger merger) {
        super("processing_failed");
        this.merger = merger;
    }

    @Override
    void handle(Record<String, AnalyzedArticle> record) {
        // All reports first: a failure then rejects the article whole instead of leaving some dyads without it.
        List<DyadReport> reports = merger.reports(record.value(), Instant.ofEpochMilli(record.timestamp()));
        for (DyadReport report : reports) {
            emit(record, report.dyad().toString(), report);
        }
    }
}

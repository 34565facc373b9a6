package org.flashpoint.streams.topology;

import java.time.Instant;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.flashpoint.contracts.Article;
import org.flashpoint.streams.dedupe.ArticleDeduplicator;
import org.flashpoint.streams.dedupe.SeenArticles;

/** Drops article ids seen within the retention window; the window store forgets older ids by itself. */
final class DedupeArticles implements Processor<String, Article, String, Article> {

    private final ArticleDeduplicator deduplicator;
    private final String storeName;
    private ProcessorContext<String, Article> context;
    private SeenArticles seen;
    private Sensor duplicates;

    DedupeArticles(ArticleDeduplicator deduplicator, String storeName) {
        this.deduplicator = deduplicator;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        WindowStore<String, Long> store = context.getStateStore(storeName);
        this.seen = new SeenArticles() {
            @Override
            public boolean seenBetween(String id, Instant from, Instant to) {
                try (WindowStoreIterator<Long> hits = store.fetch(id, from, to)) {
                    return hits.hasNext();
                }
            }

            @Override
            public void remember(String id, Instant eventTime) {
                store.put(id, eventTime.toEpochMilli(), eventTime.toEpochMilli());
            }
        };
        this.duplicates = Metrics.counter(context, Metrics.DUPLICATE_ARTICLES);
    }

    @Override
    public void process(Record<String, Article> record) {
        if (deduplicator.firstTime(seen, record.value().id(), Instant.ofEpochMilli(record.timestamp()))) {
            context.forward(record);
        } else {
            duplicates.record();
        }
    }
}

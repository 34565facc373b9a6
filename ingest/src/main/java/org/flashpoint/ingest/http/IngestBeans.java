package org.flashpoint.ingest.http;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import org.flashpoint.contracts.TopicAdmin;
import org.flashpoint.contracts.Topics;
import org.flashpoint.ingest.publish.ArticleSink;
import org.flashpoint.ingest.publish.KafkaArticleSink;

/**
 * The Kafka side of the ingest role, configured by {@code flashpoint.ingest.bootstrap-servers} (and, for tests
 * that must not share topics, {@code flashpoint.ingest.articles-topic} / {@code rejected-topic}).
 */
@Factory
@Requires(env = "ingest")
@Requires(property = "flashpoint.ingest.bootstrap-servers")
public class IngestBeans {

    // Created at startup so a role that cannot reach Kafka fails then, not on its first request.
    @Context
    @Bean(preDestroy = "close")
    ArticleSink articleSink(@Value("${flashpoint.ingest.bootstrap-servers}") String bootstrapServers,
                            @Value("${flashpoint.ingest.articles-topic:articles}") String articlesTopic,
                            @Value("${flashpoint.ingest.rejected-topic:articles.rejected}") String rejectedTopic) {
        TopicAdmin.ensureTopics(bootstrapServers, Topics.ALL);
        return new KafkaArticleSink(bootstrapServers, articlesTopic, rejectedTopic);
    }
}

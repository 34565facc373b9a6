package org.flashpoint.streams.incidents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One article's contribution to an incident, kept so independent sources can be recounted as reports arrive.
 *
 * @param articleId       the article
 * @param source          outlet, null when unknown
 * @param published       event time of the article
 * @param borderLabel     the article was labeled a border incident
 * @param fingerprint     near-duplicate signature of the article text; null, and left out of the JSON, when none is
 *                        kept with the report
 */
public record Report(String articleId, String source, Instant published, boolean borderLabel,
                     @JsonInclude(JsonInclude.Include.NON_NULL) TextFingerprint fingerprint) {
}

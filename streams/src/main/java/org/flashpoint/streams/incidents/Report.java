package org.flashpoint.streams.incidents;

import java.time.Instant;

/**
 * One article's contribution to an incident, kept so independent sources can be recounted as reports arrive.
 *
 * @param articleId       the article
 * @param source          outlet, null when unknown
 * @param published       event time of the article
 * @param borderLabel     the article was labeled a border incident
 * @param fingerprint     near-duplicate signature of the article text
 */
public record Report(String articleId, String source, Instant published, boolean borderLabel, TextFingerprint fingerprint) {
}

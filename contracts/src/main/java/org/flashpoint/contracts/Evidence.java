package org.flashpoint.contracts;

import java.time.Instant;

/**
 * A quote that supports a claim, with where it came from.
 *
 * @param articleId  the article the quote is from
 * @param source     outlet
 * @param url        link to the article
 * @param published  publication time of the article
 * @param quote      the sentence
 * @param eventType  the event type the quote evidences
 */
public record Evidence(String articleId, String source, String url, Instant published, String quote, String eventType) {
}

package org.quotelab.domain.quote;

/**
 * One quote as stored. {@code id} is the store's stable id (used by predictions, replay memory and
 * labels); {@code externalId} is the quote_id of the source file. Metadata fields may be null.
 */
public record Quote(
        long id,
        long batchId,
        String externalId,
        String text,
        QuoteMetadata metadata,
        boolean validation) {
}

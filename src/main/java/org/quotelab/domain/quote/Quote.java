package org.quotelab.domain.quote;

/**
 * One quote as stored. {@code id} is the store's stable id (used by predictions, replay memory and
 * labels); {@code externalId} is the quote_id of the source file. {@code text} is what the models
 * read: the file's processed_text when it had one, else its quote_text. {@code originalText} is the
 * quote as written (quote_text) when it differs from {@code text}, else null: people read the
 * original, models the processed form. Metadata fields may be null.
 */
public record Quote(
        long id,
        long batchId,
        String externalId,
        String text,
        QuoteMetadata metadata,
        boolean validation,
        String originalText) {

    /** A quote whose file had a single text column. */
    public Quote(long id, long batchId, String externalId, String text, QuoteMetadata metadata, boolean validation) {
        this(id, batchId, externalId, text, metadata, validation, null);
    }

    /** The text to show people: the original when the file kept one, else the model's text. */
    public String displayText() {
        return originalText != null ? originalText : text;
    }
}

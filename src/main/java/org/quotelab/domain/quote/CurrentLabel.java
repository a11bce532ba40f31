package org.quotelab.domain.quote;

import java.time.Instant;

/** The label a quote has now, with its source and last editor. */
public record CurrentLabel(long quoteId, QuoteLabel label, LabelSource source, Instant updatedAt, String updatedBy) {
}

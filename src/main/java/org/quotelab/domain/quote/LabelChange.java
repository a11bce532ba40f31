package org.quotelab.domain.quote;

import java.time.Instant;

/**
 * One row of the append-only label history. A null label means "unlabelled". {@code undoOf} is the
 * id of the change this one reverted, or null. {@code baseVersion} is the label version the change
 * was written against and {@code version} the one it produced (both null for changes recorded
 * before labels had versions).
 */
public record LabelChange(
        long id,
        long quoteId,
        QuoteLabel oldLabel,
        LabelSource oldSource,
        QuoteLabel newLabel,
        LabelSource newSource,
        Instant changedAt,
        String changedBy,
        Long undoOf,
        Long baseVersion,
        Long version) {
}

package org.quotelab.domain.quote;

import java.time.Instant;

/**
 * One row of the append-only label history. A null label means "unlabelled". {@code undoOf} is the
 * id of the change this one reverted, or null.
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
        Long undoOf) {
}

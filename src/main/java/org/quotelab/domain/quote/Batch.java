package org.quotelab.domain.quote;

import java.time.Instant;

/**
 * One imported file, or one group of a file imported group by group. {@code day} names the day
 * (or stream step) the batch represents; {@code seq} orders batches in arrival order.
 */
public record Batch(
        long id,
        int seq,
        String fileName,
        String contentHash,
        String group,
        String day,
        Instant importedAt,
        int rowCount) {
}

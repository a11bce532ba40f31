package org.quotelab.domain.imports;

import java.util.List;
import org.quotelab.domain.quote.Batch;

/** The batches one import created, in stream order, and the rows it stored. */
public record ImportResult(List<Batch> batches, long rows, long labelled, double seconds) {

    public double rowsPerSecond() {
        return seconds <= 0 ? 0 : rows / seconds;
    }
}

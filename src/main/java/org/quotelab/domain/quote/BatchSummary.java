package org.quotelab.domain.quote;

/** A batch with the counts the Data view lists. */
public record BatchSummary(Batch batch, int labelled, int validation) {

    public double labelledShare() {
        return batch.rowCount() == 0 ? 0 : (double) labelled / batch.rowCount();
    }
}

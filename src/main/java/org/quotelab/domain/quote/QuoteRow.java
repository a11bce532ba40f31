package org.quotelab.domain.quote;

/**
 * What the Review table shows for one quote: the quote, its label (or null) and its prediction (or
 * null). {@code labelVersion} is the label's version when the row was read: an edit of the row is
 * written against it, so a change someone else made in between is reported, never overwritten.
 */
public record QuoteRow(Quote quote, String batchDay, CurrentLabel label, Prediction prediction, long labelVersion) {

    public QuoteRow withLabel(CurrentLabel newLabel, long version) {
        return new QuoteRow(quote, batchDay, newLabel, prediction, version);
    }

    public QuoteRow withPrediction(Prediction p) {
        return new QuoteRow(quote, batchDay, label, p, labelVersion);
    }
}

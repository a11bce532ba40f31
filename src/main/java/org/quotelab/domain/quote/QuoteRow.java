package org.quotelab.domain.quote;

/** What the Review table shows for one quote: the quote, its label (or null) and its prediction (or null). */
public record QuoteRow(Quote quote, String batchDay, CurrentLabel label, Prediction prediction) {
}

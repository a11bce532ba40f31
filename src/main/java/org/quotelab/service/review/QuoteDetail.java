package org.quotelab.service.review;

import java.util.List;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.Quote;

/** What the Review detail pane shows for one quote: the quote, its current label (or null) and its history, oldest first. */
public record QuoteDetail(Quote quote, CurrentLabel label, List<LabelChange> history) {
}

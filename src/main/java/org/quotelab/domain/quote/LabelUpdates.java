package org.quotelab.domain.quote;

import java.util.List;

/**
 * Labels changed after a point of the label history: the quotes' labels now, and the history id
 * to ask from next time.
 */
public record LabelUpdates(long lastHistoryId, List<LabelState> states) {
}

package org.quotelab.domain.quote;

/**
 * A quote's label as the store has it now, with its version: {@code label} is null when the quote
 * is unlabelled. A write names the version its writer saw (optimistic locking).
 */
public record LabelState(long quoteId, CurrentLabel label, long version) {
}

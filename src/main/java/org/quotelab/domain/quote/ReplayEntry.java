package org.quotelab.domain.quote;

/** One quote kept in a stage's replay memory with its sampling weight. */
public record ReplayEntry(int stage, long quoteId, double weight) {
}

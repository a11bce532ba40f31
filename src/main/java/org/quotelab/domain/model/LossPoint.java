package org.quotelab.domain.model;

/** The training loss after one optimiser step. */
public record LossPoint(long runId, int step, int epoch, double loss) {
}

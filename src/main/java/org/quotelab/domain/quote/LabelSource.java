package org.quotelab.domain.quote;

/** Where the current label of a quote came from. */
public enum LabelSource {
    IMPORTED,
    EXPERT,
    MODEL_ACCEPTED
}

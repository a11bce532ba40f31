package org.quotelab.ml.text;

/** How batches are formed and padded. */
public enum PaddingMode {
    /** Quotes of similar length batched together, each batch padded to its longest member. */
    LENGTH_BUCKETS,
    /** Random batches padded to the maximum length: the seed's recipe, kept as a benchmark baseline. */
    FIXED
}

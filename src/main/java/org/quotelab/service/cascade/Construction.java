package org.quotelab.service.cascade;

/** How the stage-2 training set is built from stage-1 decisions on the training quotes. */
public enum Construction {
    /** The seed's way: stage 1 scores its own training data, so few false positives reach class 0. */
    SEED,
    /** Each fold scored by a stage-1 model that did not see it: realistic false positives for class 0. */
    CROSS_FIT
}

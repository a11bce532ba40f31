package org.quotelab.domain.quote;

import java.time.Instant;

/**
 * The outcome of a label write that names the version its writer saw: either it was saved, or the
 * label had moved on since and nothing was written.
 */
public sealed interface LabelWrite {

    /** The write was accepted; {@code change} is its history row (with the new version). */
    record Saved(LabelChange change) implements LabelWrite {
    }

    /**
     * Someone else changed the label after the writer read it. {@code theirs} is the label now
     * (null: unlabelled) with its source, who set it and when, and its version; {@code mine} is
     * what the writer wanted (null: clear). A retry names {@code version}.
     */
    record Conflict(long quoteId, QuoteLabel mine, QuoteLabel theirs, LabelSource theirSource, String theirBy,
            Instant theirAt, long version) implements LabelWrite {
    }

    /** The saved change, or null after a conflict. */
    default LabelChange saved() {
        return this instanceof Saved s ? s.change() : null;
    }
}

package org.quotelab.ml.train;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** Set from any thread; the trainer checks it between steps and stops without saving. */
public final class CancellationToken implements BooleanSupplier {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled.get();
    }

    /** A token nobody cancels, for batch jobs and tests. */
    public static CancellationToken none() {
        return new CancellationToken();
    }
}

package org.quotelab.domain.jobs;

import java.util.function.BooleanSupplier;

/**
 * Set from any thread; long-running work (jobs, imports, training) asks it between steps, so
 * cancelling never interrupts a write half-way. As a {@link BooleanSupplier} it says whether it
 * was cancelled.
 */
public final class CancellationToken implements BooleanSupplier {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled;
    }

    /** Throws {@link JobCancelledException} once cancelled. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new JobCancelledException();
        }
    }

    /** A token nobody cancels, for batch jobs and tests. */
    public static CancellationToken none() {
        return new CancellationToken();
    }
}

package org.quotelab.service.jobs;

/** Asked by long-running work between steps; cancelling never interrupts a write half-way. */
public final class CancellationToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new JobCancelledException();
        }
    }
}

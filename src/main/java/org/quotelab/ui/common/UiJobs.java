package org.quotelab.ui.common;

import java.util.List;
import java.util.function.Consumer;
import org.quotelab.service.jobs.Job;

/**
 * How a view-model runs its background work. The app uses {@link FxJobs}, which runs jobs on the
 * workbench's runner and calls back on the FX thread; behind this interface a view-model can be
 * unit-tested with an implementation that runs each job at once on the caller's thread.
 */
public interface UiJobs {

    /**
     * Runs {@code job}; exactly one of onSuccess, onCancel and onFailure is called, on the thread
     * the view-model lives on, and the returned job's progress is published on that thread too.
     */
    <T> TrackedJob<T> run(String title, Job<T> job, Consumer<T> onSuccess, Runnable onCancel,
            Consumer<Throwable> onFailure);

    /**
     * A sink a job may call from its own thread with many small items (training steps): they reach
     * {@code onUi} on the view-model's thread in batches, in order, as few calls as that thread
     * needs. The app hands them over through {@link FxBatches}, one call per FX pulse at the most.
     */
    <T> Consumer<T> batched(Consumer<List<T>> onUi);
}

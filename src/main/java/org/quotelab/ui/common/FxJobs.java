package org.quotelab.ui.common;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.service.jobs.Job;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.service.jobs.JobHandle;
import org.quotelab.service.jobs.JobRunner;

/**
 * The one place where background work meets the FX thread: jobs run on the service layer's
 * runner, and their progress, results and failures are handed to the FX thread here.
 */
public final class FxJobs implements UiJobs {

    static final long PROGRESS_INTERVAL_MS = 100;
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quotelab-progress-ticks");
        t.setDaemon(true);
        return t;
    });

    private final JobRunner runner;
    private final ObservableList<JobHandle<?>> running = FXCollections.observableArrayList();

    public FxJobs(JobRunner runner) {
        this.runner = runner;
        runner.watch(list -> Platform.runLater(() -> running.setAll(list)));
    }

    /** Jobs still running, updated on the FX thread: for the status bar. */
    public ObservableList<JobHandle<?>> running() {
        return running;
    }

    /**
     * Runs a job; onSuccess, onCancel and onFailure are called on the FX thread. Progress updates
     * are coalesced and published at most every {@link #PROGRESS_INTERVAL_MS} ms: only the latest
     * waits, so a chatty job can neither flood the FX thread nor make it repaint at every pulse.
     */
    @Override
    public <T> TrackedJob<T> run(String title, Job<T> job, Consumer<T> onSuccess, Runnable onCancel,
            Consumer<Throwable> onFailure) {
        JobHandle<T> handle = runner.submit(title, job);
        TrackedJob<T> tracked = new TrackedJob<>(handle::cancel);
        Coalescer coalescer = new Coalescer(handle, tracked);
        handle.addProgressListener(coalescer::offer);
        handle.result().whenComplete((value, error) -> Platform.runLater(() -> {
            if (error == null) {
                tracked.done();
                onSuccess.accept(value);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof JobCancelledException) {
                    onCancel.run();
                } else {
                    onFailure.accept(cause);
                }
            }
        }));
        return tracked;
    }

    @Override
    public <T> Consumer<T> batched(Consumer<List<T>> onFx) {
        return new FxBatches<>(onFx);
    }

    /** Holds a job's latest progress until the FX thread takes it; the job's thread offers, the FX thread publishes. */
    private static final class Coalescer {
        private final JobHandle<?> handle;
        private final TrackedJob<?> tracked;
        private JobHandle.Progress latest;
        private boolean pending;
        private long publishedAt;

        Coalescer(JobHandle<?> handle, TrackedJob<?> tracked) {
            this.handle = handle;
            this.tracked = tracked;
        }

        void offer(double fraction, String message) {
            long waitMs;
            synchronized (this) {
                latest = new JobHandle.Progress(fraction, message);
                if (pending) {
                    return;
                }
                pending = true;
                waitMs = PROGRESS_INTERVAL_MS - (System.nanoTime() - publishedAt) / 1_000_000;
            }
            if (waitMs <= 0) {
                Platform.runLater(this::publish);
            } else {
                TICKS.schedule(() -> Platform.runLater(this::publish), waitMs, TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void publish() {
            pending = false;
            if (handle.result().isDone()) {
                return; // a tick that arrives after the end must not undo the final state
            }
            publishedAt = System.nanoTime();
            tracked.publish(latest.fraction(), latest.message());
        }
    }

    public List<JobHandle<?>> snapshot() {
        return runner.running();
    }
}

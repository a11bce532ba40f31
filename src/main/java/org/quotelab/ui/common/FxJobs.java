package org.quotelab.ui.common;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
public final class FxJobs {

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

    /** A job whose progress is observable from the FX thread. */
    public static final class Tracked<T> {
        private final JobHandle<T> handle;
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

        Tracked(JobHandle<T> handle) {
            this.handle = handle;
        }

        public JobHandle<T> handle() {
            return handle;
        }

        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        public void cancel() {
            handle.cancel();
        }
    }

    /**
     * Runs a job; onSuccess, onCancel and onFailure are called on the FX thread. Progress updates
     * are coalesced and published at most every {@link #PROGRESS_INTERVAL_MS} ms: only the latest
     * waits, so a chatty job can neither flood the FX thread nor make it repaint at every pulse.
     */
    public <T> Tracked<T> run(String title, Job<T> job, Consumer<T> onSuccess, Runnable onCancel,
            Consumer<Throwable> onFailure) {
        JobHandle<T> handle = runner.submit(title, job);
        Tracked<T> tracked = new Tracked<>(handle);
        Object[] latest = new Object[2];
        boolean[] pending = {false};
        long[] published = {0};
        Runnable publish = () -> {
            synchronized (latest) {
                pending[0] = false;
                if (handle.result().isDone()) {
                    return; // a tick that arrives after the end must not undo the final state
                }
                published[0] = System.nanoTime();
                tracked.progress.set((Double) latest[0]);
                tracked.message.set((String) latest[1]);
            }
        };
        handle.addProgressListener((fraction, msg) -> {
            long waitMs;
            synchronized (latest) {
                latest[0] = fraction;
                latest[1] = msg;
                if (pending[0]) {
                    return;
                }
                pending[0] = true;
                waitMs = PROGRESS_INTERVAL_MS - (System.nanoTime() - published[0]) / 1_000_000;
            }
            if (waitMs <= 0) {
                Platform.runLater(publish);
            } else {
                TICKS.schedule(() -> Platform.runLater(publish), waitMs, TimeUnit.MILLISECONDS);
            }
        });
        handle.result().whenComplete((value, error) -> Platform.runLater(() -> {
            if (error == null) {
                tracked.progress.set(1);
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

    public List<JobHandle<?>> snapshot() {
        return runner.running();
    }
}

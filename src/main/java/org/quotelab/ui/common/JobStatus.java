package org.quotelab.ui.common;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.quotelab.service.jobs.Job;

/**
 * What a view shows of its one long job at a time: busy while it runs, its progress and latest
 * message, then how it ended. The view-model's own handler runs after busy has been cleared.
 * Views only read these properties; the view-model writes the message through {@link #setMessage}.
 */
public final class JobStatus {
    private final UiJobs jobs;
    private final boolean followJob;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private TrackedJob<?> running;

    /** A status that shows the job's own progress and messages while it runs. */
    public JobStatus(UiJobs jobs) {
        this(jobs, true);
    }

    /**
     * {@code followJob} false: the view-model reports progress itself ({@link #setProgress}),
     * e.g. from training events, and the job's messages are not copied into {@link #messageProperty()}.
     */
    public JobStatus(UiJobs jobs, boolean followJob) {
        this.jobs = jobs;
        this.followJob = followJob;
    }

    /**
     * Runs {@code job} titled {@code title}; {@code failure} starts the message shown when it
     * fails, followed by the cause.
     */
    public <T> TrackedJob<T> run(String title, String startMessage, Job<T> job, Consumer<T> onSuccess,
            String failure) {
        return run(title, startMessage, job, onSuccess, e -> message.set(failure + ": " + e.getMessage()));
    }

    /** As above, with the view-model's own handler of a failure (it sets the message itself). */
    public <T> TrackedJob<T> run(String title, String startMessage, Job<T> job, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        return run(title, startMessage, job, onSuccess, () -> message.set("Cancelled."), onFailure);
    }

    /** As above, with the view-model's own handler of a cancel. */
    public <T> TrackedJob<T> run(String title, String startMessage, Job<T> job, Consumer<T> onSuccess,
            Runnable onCancel, Consumer<Throwable> onFailure) {
        busy.set(true);
        message.set(startMessage);
        // a UiJobs may end the job before run() returns (a synchronous one in unit tests): then the
        // handlers below have already run and the job must not be followed any more
        boolean[] ended = {false};
        TrackedJob<T> t = jobs.run(title, job, v -> {
            ended[0] = true;
            finish();
            onSuccess.accept(v);
        }, () -> {
            ended[0] = true;
            finish();
            onCancel.run();
        }, e -> {
            ended[0] = true;
            finish();
            onFailure.accept(e);
        });
        if (!ended[0]) {
            running = t;
            if (followJob) {
                progress.bind(t.progressProperty());
                t.messageProperty().addListener((o, a, m) -> {
                    if (running == t && m != null && !m.isEmpty()) {
                        message.set(m);
                    }
                });
            }
        }
        return t;
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void finish() {
        busy.set(false);
        running = null;
        progress.unbind();
    }

    public void setMessage(String text) {
        message.set(text);
    }

    /** Only for a status that does not follow its job's progress. */
    public void setProgress(double fraction) {
        progress.set(fraction);
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

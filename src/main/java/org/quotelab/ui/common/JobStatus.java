package org.quotelab.ui.common;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.quotelab.service.jobs.Job;

/**
 * What a view shows of its one long job at a time: busy while it runs, its progress and latest
 * message, then how it ended. The view-model's own handler runs after busy has been cleared.
 */
public final class JobStatus {
    private final FxJobs jobs;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private FxJobs.Tracked<?> running;

    public JobStatus(FxJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Runs {@code job} titled {@code title}; {@code failure} starts the message shown when it
     * fails, followed by the cause.
     */
    public <T> FxJobs.Tracked<T> run(String title, String startMessage, Job<T> job, Consumer<T> onSuccess,
            String failure) {
        return run(title, startMessage, job, onSuccess, e -> message.set(failure + ": " + e.getMessage()));
    }

    /** As above, with the view-model's own handler of a failure (it sets the message itself). */
    public <T> FxJobs.Tracked<T> run(String title, String startMessage, Job<T> job, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        busy.set(true);
        message.set(startMessage);
        FxJobs.Tracked<T> t = jobs.run(title, job, v -> {
            finish();
            onSuccess.accept(v);
        }, () -> {
            finish();
            message.set("Cancelled.");
        }, e -> {
            finish();
            onFailure.accept(e);
        });
        running = t;
        progress.bind(t.progressProperty());
        t.messageProperty().addListener((o, a, m) -> {
            if (busy.get() && m != null && !m.isEmpty()) {
                message.set(m);
            }
        });
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

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }
}

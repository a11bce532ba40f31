package org.quotelab.ui.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A running job as a view-model sees it: its latest progress and message, and a way to cancel it. */
public final class TrackedJob<T> {
    private final Runnable cancel;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** {@code cancel} asks the job to stop at its next check; it never interrupts a write. */
    public TrackedJob(Runnable cancel) {
        this.cancel = cancel;
    }

    /** For {@link UiJobs} implementations, on the view-model's thread. */
    public void publish(double fraction, String text) {
        progress.set(fraction);
        message.set(text);
    }

    void done() {
        progress.set(1);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void cancel() {
        cancel.run();
    }
}

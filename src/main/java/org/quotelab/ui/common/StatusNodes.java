package org.quotelab.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** The message line and progress bar a view shows for its {@link JobStatus}. */
public final class StatusNodes {

    private StatusNodes() {
    }

    public static Label message(String id, ObservableStringValue text) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.textProperty().bind(text);
        return message;
    }

    /** A bar that shows, and takes room, only while the job runs. */
    public static ProgressBar progress(ObservableNumberValue fraction, ObservableBooleanValue busy) {
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(fraction);
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(progress.visibleProperty());
        return progress;
    }
}

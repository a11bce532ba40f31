package org.quotelab.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A view-model whose views bind busy, progress and message straight to its one {@link JobStatus}:
 * the three read-only getters live here once instead of in each view-model.
 */
public interface ShowsJobStatus {

    /** The status the view-model runs its jobs under; views only read it, through the getters below. */
    JobStatus jobStatus();

    default ReadOnlyBooleanProperty busyProperty() {
        return jobStatus().busyProperty();
    }

    default ReadOnlyDoubleProperty progressProperty() {
        return jobStatus().progressProperty();
    }

    default ReadOnlyStringProperty messageProperty() {
        return jobStatus().messageProperty();
    }
}

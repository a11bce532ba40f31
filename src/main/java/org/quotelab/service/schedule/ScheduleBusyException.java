package org.quotelab.service.schedule;

import java.nio.file.Path;

/** Another scheduler (the app's, or a {@code quotelab watch}) already runs on this data folder. */
public final class ScheduleBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ScheduleBusyException(Path folder) {
        super("a schedule is already running for the data folder " + folder
                + " (in the app or in 'quotelab watch'); stop it first");
    }

    /** On a shared store: {@code holder} is the instance that runs the store's schedule. */
    public ScheduleBusyException(String holder) {
        super("a schedule is already running on this shared store: " + holder + "; stop it first");
    }
}

package org.quotelab.store;

import java.nio.file.Path;

/** Another QuoteLab process holds the database file open: H2's file lock refused us. */
public final class StoreLockedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreLockedException(Path database, Throwable cause) {
        super("QuoteLab is already running with this data folder (" + database.getParent()
                + "); close the other window or command first", cause);
    }
}

package org.quotelab.service;

import java.nio.file.Path;

/**
 * Another QuoteLab process has the data folder open. The service layer's own type, so that the UI
 * can tell this case apart (and say so) without depending on the store that detected it.
 */
public final class StoreInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreInUseException(Path dataFolder, Throwable cause) {
        super("QuoteLab is already running with the data folder " + dataFolder
                + "; close the other window or command first", cause);
    }
}

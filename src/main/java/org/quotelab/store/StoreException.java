package org.quotelab.store;

/** A database failure, unchecked so repositories keep small signatures; the cause is the SQLException. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

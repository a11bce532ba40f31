package org.quotelab.domain.imports;

/** Progress and cancellation of a running import; called on the importing thread. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() { };

    /** Called every few thousand rows with the rows read so far and the bytes of the file read so far. */
    default void progress(long rows, long bytesRead) {
    }

    /** Polled between rows; returning true rolls the import back. */
    default boolean cancelled() {
        return false;
    }
}

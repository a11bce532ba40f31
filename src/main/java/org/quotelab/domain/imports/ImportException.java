package org.quotelab.domain.imports;

/** An import was refused; nothing of it was stored. */
public class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ImportError error;

    public ImportException(ImportError error) {
        super(error.describe());
        this.error = error;
    }

    public ImportException(ImportError error, Throwable cause) {
        super(error.describe(), cause);
        this.error = error;
    }

    public ImportError error() {
        return error;
    }
}

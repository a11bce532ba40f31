package org.quotelab.domain.quote;

public enum RunStatus {
    RUNNING,
    DONE,
    CANCELLED,
    INTERRUPTED,
    FAILED
}

package org.quotelab.domain.model;

public enum RunStatus {
    RUNNING,
    DONE,
    CANCELLED,
    INTERRUPTED,
    FAILED
}

package org.quotelab.domain.model;

public enum ModelStatus {
    CANDIDATE,
    ACTIVE,
    RETIRED
}

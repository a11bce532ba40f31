package org.quotelab.domain.quote;

public enum ModelStatus {
    CANDIDATE,
    ACTIVE,
    RETIRED
}

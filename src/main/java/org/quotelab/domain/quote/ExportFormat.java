package org.quotelab.domain.quote;

public enum ExportFormat {
    CSV,
    JSONL
}

package org.quotelab.domain.imports;

public enum ExportFormat {
    CSV,
    JSONL
}

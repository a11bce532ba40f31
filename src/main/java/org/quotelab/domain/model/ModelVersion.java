package org.quotelab.domain.model;

import java.time.Instant;

/**
 * A trained model of stage 1 or 2. Provenance and metrics are JSON documents owned by the ML
 * side; the store keeps them verbatim. {@code statusReason} explains e.g. a refused promotion.
 */
public record ModelVersion(
        long id,
        int stage,
        Long parentId,
        ModelStatus status,
        String path,
        String provenanceJson,
        String metricsJson,
        Instant createdAt,
        String statusReason) {
}

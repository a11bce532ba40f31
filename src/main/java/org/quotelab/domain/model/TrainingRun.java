package org.quotelab.domain.model;

import java.time.Instant;

/** One training or update job. {@code finishedAt}, {@code message} and {@code modelVersionId} may be null. */
public record TrainingRun(
        long id,
        String jobId,
        RunStatus status,
        Instant startedAt,
        Instant finishedAt,
        String paramsJson,
        String message,
        Long modelVersionId) {
}

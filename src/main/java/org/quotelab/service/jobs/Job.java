package org.quotelab.service.jobs;

import org.quotelab.domain.jobs.CancellationToken;

/** A unit of background work: import, scoring, training. */
@FunctionalInterface
public interface Job<T> {

    T run(ProgressSink progress, CancellationToken cancel) throws Exception;
}

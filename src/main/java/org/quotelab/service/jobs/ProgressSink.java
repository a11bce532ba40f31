package org.quotelab.service.jobs;

/** Where a job reports how far it is. Called from the job's thread; implementations hand over to their own thread. */
@FunctionalInterface
public interface ProgressSink {

    /** @param fraction in [0, 1], or negative when the amount of work is unknown */
    void update(double fraction, String message);

    ProgressSink NONE = (fraction, message) -> { };
}

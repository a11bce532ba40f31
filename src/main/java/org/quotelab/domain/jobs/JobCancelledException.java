package org.quotelab.domain.jobs;

/** Thrown from inside a job when its token was cancelled; the job's effects are rolled back. */
public final class JobCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobCancelledException() {
        super("cancelled by the user");
    }

    public JobCancelledException(String message) {
        super(message);
    }
}

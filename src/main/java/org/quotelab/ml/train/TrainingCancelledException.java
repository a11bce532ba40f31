package org.quotelab.ml.train;

/** Thrown by the trainer when its token is cancelled; nothing has been saved. */
public final class TrainingCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingCancelledException(int step) {
        super("training cancelled before step " + step);
    }

    /** @param what the phase that was cancelled, as a sentence fragment */
    public TrainingCancelledException(String what) {
        super(what);
    }
}

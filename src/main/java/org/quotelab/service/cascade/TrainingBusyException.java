package org.quotelab.service.cascade;

/**
 * Another training or update of the same project runs, in this process or another one on the
 * same store: a second start is refused, naming what holds the project.
 */
public final class TrainingBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrainingBusyException(String project, String holder) {
        super("another training or update of project '" + project + "' is running: " + holder
                + "; wait until it ends (or cancel it there) and start again");
    }
}

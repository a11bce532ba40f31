package org.quotelab.ui.training;

/** The two kinds of training job the form starts. */
public enum JobKind {
    FULL_FINE_TUNE("Full fine-tune"),
    CONTINUAL_UPDATE("Continual update");

    private final String label;

    JobKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}

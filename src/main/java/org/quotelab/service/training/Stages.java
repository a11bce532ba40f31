package org.quotelab.service.training;

/** Which stages a full fine-tune trains; the others are taken over from the active cascade. */
public enum Stages {
    BOTH("Both stages"),
    STAGE1("Stage 1 only (keep the active stage 2)"),
    STAGE2("Stage 2 only (keep the active stage 1)");

    private final String label;

    Stages(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}

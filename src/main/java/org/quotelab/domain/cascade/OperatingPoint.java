package org.quotelab.domain.cascade;

/**
 * Where the cascade decides: the stage-1 threshold and the class-0 threshold (see
 * {@link CascadeDecision#decide}).
 */
public record OperatingPoint(double threshold, double class0Threshold) {

    public OperatingPoint {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("stage-1 threshold must be in [0, 1], got " + threshold);
        }
        if (!(class0Threshold > 0 && class0Threshold <= 1)) {
            throw new IllegalArgumentException("class-0 threshold must be in (0, 1], got " + class0Threshold);
        }
    }

    /** A stage-1 threshold with stage 2's argmax rule: how the seed decided. */
    public static OperatingPoint argmax(double threshold) {
        return new OperatingPoint(threshold, CascadeDecision.ARGMAX_ONLY);
    }

    public static OperatingPoint of(SweepPoint p) {
        return new OperatingPoint(p.threshold(), p.class0Threshold());
    }

    /**
     * This point with the thresholds a user gave instead of its own; a null keeps this point's
     * value: "this threshold, or the cascade's recommended one".
     */
    public OperatingPoint orGiven(Double givenThreshold, Double givenClass0Threshold) {
        return new OperatingPoint(givenThreshold == null ? threshold : givenThreshold,
                givenClass0Threshold == null ? class0Threshold : givenClass0Threshold);
    }

    public CascadeDecision decide(double pInTopic, double[] stage2) {
        return CascadeDecision.decide(pInTopic, stage2, threshold, class0Threshold);
    }

    /** "threshold 0.525, class 0 from 0.10" or "threshold 0.500" when stage 2's argmax rules. */
    public String describe() {
        String t = String.format(java.util.Locale.ROOT, "threshold %.3f", threshold);
        return class0Threshold >= CascadeDecision.ARGMAX_ONLY ? t
                : t + String.format(java.util.Locale.ROOT, ", class 0 from P = %.2f", class0Threshold);
    }
}

package org.quotelab.domain.cascade;

/**
 * The final class of one quote and its confidence.
 *
 * <p>Merged distribution: P(out) = (1 - p) + p * q0 and P(topic k) = p * qk, where p is
 * P(in-topic) and q the stage-2 distribution. The confidence is the merged probability of the
 * class the threshold rule chose, so it never exceeds what both stages jointly support.
 *
 * @param finalClass 0 for out-of-topic (stage-1 rejection or class 0), else the topic index 1..K
 * @param rejectedAtStage1 whether stage 1 stopped the quote
 */
public record CascadeDecision(int finalClass, double confidence, boolean rejectedAtStage1) {

    public static final String OUT_OF_TOPIC = "out-of-topic";
    public static final String NOT_PERTINENT = "not pertinent";

    /** Class-0 threshold that leaves stage 2's argmax alone: the seed's rule. */
    public static final double ARGMAX_ONLY = 1.0;

    /**
     * The rule: out-of-topic when P(in-topic) is below {@code threshold}; otherwise class 0 when it
     * is stage 2's argmax or its probability reaches {@code class0Threshold} (the analyst's
     * confidence filter for stage-1 false positives); otherwise stage 2's argmax topic.
     */
    public static CascadeDecision decide(double pInTopic, double[] stage2, double threshold, double class0Threshold) {
        if (pInTopic < threshold) {
            return new CascadeDecision(0, (1 - pInTopic) + pInTopic * stage2[0], true);
        }
        int arg = stage2[0] >= class0Threshold ? 0 : argmax(stage2);
        double conf = arg == 0 ? (1 - pInTopic) + pInTopic * stage2[0] : pInTopic * stage2[arg];
        return new CascadeDecision(arg, conf, false);
    }

    public static int argmax(double[] values) {
        int arg = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[arg]) {
                arg = k;
            }
        }
        return arg;
    }
}

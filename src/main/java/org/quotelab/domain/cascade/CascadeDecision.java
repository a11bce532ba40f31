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

    public static CascadeDecision decide(double pInTopic, double[] stage2, double threshold) {
        if (pInTopic < threshold) {
            return new CascadeDecision(0, (1 - pInTopic) + pInTopic * stage2[0], true);
        }
        int arg = argmax(stage2);
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

package org.quotelab.domain.cascade;

import java.util.List;

/**
 * Cached cascade outputs of a labelled set, the input of a threshold sweep.
 *
 * <p>Class indexes: end-to-end truth is 0 for out-of-topic and k (1..K) for topic k; stage 2
 * predicts 0 for "not pertinent" (a stage-1 false positive) and k for topic k. Rejecting a quote
 * at stage 1 and calling it class 0 at stage 2 both mean "out-of-topic" end to end.
 *
 * @param topics     names of topics 1..K (index 0 of this list is topic 1)
 * @param pInTopic   stage-1 probability that each quote is in-topic (calibrated)
 * @param pNotPertinent stage-2 probability of class 0 per quote (calibrated), for the class-0 threshold
 * @param stage2Pred stage-2 argmax per quote, 0..K
 * @param truth      true end-to-end class per quote, 0..K
 * @param days       number of daily batches the quotes came from, for the review load
 */
public record CascadeScores(List<String> topics, double[] pInTopic, double[] pNotPertinent, int[] stage2Pred,
        int[] truth, int days) {

    public CascadeScores {
        topics = List.copyOf(topics);
        int n = pInTopic.length;
        if (pNotPertinent.length != n || stage2Pred.length != n || truth.length != n) {
            throw new IllegalArgumentException("arrays differ in length: p " + n + ", class 0 " + pNotPertinent.length
                    + ", stage 2 " + stage2Pred.length + ", truth " + truth.length);
        }
        int k = topics.size();
        for (int i = 0; i < n; i++) {
            if (!(pInTopic[i] >= 0 && pInTopic[i] <= 1)) {
                throw new IllegalArgumentException("P(in-topic) of quote " + i + " is " + pInTopic[i]);
            }
            if (!(pNotPertinent[i] >= 0 && pNotPertinent[i] <= 1)) {
                throw new IllegalArgumentException("P(not pertinent) of quote " + i + " is " + pNotPertinent[i]);
            }
            if (stage2Pred[i] < 0 || stage2Pred[i] > k || truth[i] < 0 || truth[i] > k) {
                throw new IllegalArgumentException("class of quote " + i + " is outside 0.." + k);
            }
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
    }

    /** Stage 2's class for quote i under a class-0 threshold (see {@link CascadeDecision}). */
    public int stage2Class(int i, double class0Threshold) {
        return pNotPertinent[i] >= class0Threshold ? 0 : stage2Pred[i];
    }

    public int size() {
        return pInTopic.length;
    }

    public int topicCount() {
        return topics.size();
    }

    /** End-to-end class names: "out-of-topic" then the topics. */
    public List<String> endToEndLabels() {
        java.util.ArrayList<String> labels = new java.util.ArrayList<>(topics.size() + 1);
        labels.add(CascadeDecision.OUT_OF_TOPIC);
        labels.addAll(topics);
        return labels;
    }
}

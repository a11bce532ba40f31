package org.quotelab.domain.cascade;

/**
 * Every figure the threshold view shows for one stage-1 threshold and class-0 threshold.
 *
 * @param class0Threshold  stage 2 calls a passed quote class 0 from this P(not pertinent) on
 *                         ({@link CascadeDecision#ARGMAX_ONLY}: only when class 0 is its argmax)
 * @param stage1Precision  precision of "in-topic" at stage 1
 * @param stage1Recall     recall of "in-topic" at stage 1
 * @param class0Recall     of the truly out-of-topic quotes stage 1 passes, the share stage 2 calls class 0
 * @param class0Precision  of the quotes stage 2 calls class 0, the share truly out-of-topic
 * @param outOfTopicRecall end to end: stage-1 rejections plus class 0, over all truly out-of-topic quotes
 * @param topicRecallLost  per topic (index 0 = topic 1): share of its quotes that stage 1 rejects
 * @param passed           quotes stage 1 passes on to stage 2
 * @param passedPerDay     passed divided by the number of daily batches: the review load
 */
public record SweepPoint(
        double threshold,
        double class0Threshold,
        double stage1Precision,
        double stage1Recall,
        double stage1F1,
        double stage1Accuracy,
        double class0Recall,
        double class0Precision,
        double outOfTopicRecall,
        double endToEndAccuracy,
        double endToEndMacroF1,
        double[] topicRecallLost,
        long passed,
        double passedPerDay) {

    public double maxTopicRecallLost() {
        double max = 0;
        for (double v : topicRecallLost) {
            max = Math.max(max, v);
        }
        return max;
    }
}

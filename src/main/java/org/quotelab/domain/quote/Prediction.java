package org.quotelab.domain.quote;

import java.util.Map;

/**
 * The cascade's output for one quote and one pair of model versions. {@code stage2VersionId} is
 * null when only stage 1 ran. {@code topicProbabilities} maps topic to probability (may be empty);
 * {@code predictedTopic} is null for out-of-topic predictions.
 */
public record Prediction(
        long quoteId,
        long stage1VersionId,
        Long stage2VersionId,
        double pInTopic,
        Map<String, Double> topicProbabilities,
        int predictedLabel,
        String predictedTopic,
        double confidence) {

    public Prediction {
        topicProbabilities = topicProbabilities == null ? Map.of() : Map.copyOf(topicProbabilities);
    }
}

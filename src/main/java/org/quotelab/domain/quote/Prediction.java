package org.quotelab.domain.quote;

import java.util.Map;

/**
 * The cascade's output for one quote and one pair of model versions. {@code stage2VersionId} is
 * null when only stage 1 ran. {@code topicProbabilities} maps topic to probability (may be empty);
 * {@code predictedTopic} is null for out-of-topic predictions. {@code unfamiliar} is the
 * Mahalanobis distance of the quote's stage-1 features from the training quotes and
 * {@code unfamiliarFlag} whether it lies beyond the version's cut-off; both are null ("unknown")
 * when the stage-1 version has no feature statistics.
 */
public record Prediction(
        long quoteId,
        long stage1VersionId,
        Long stage2VersionId,
        double pInTopic,
        Map<String, Double> topicProbabilities,
        int predictedLabel,
        String predictedTopic,
        double confidence,
        Double unfamiliar,
        Boolean unfamiliarFlag) {

    public Prediction {
        topicProbabilities = topicProbabilities == null ? Map.of() : Map.copyOf(topicProbabilities);
    }

    /** A prediction whose unfamiliar score is unknown. */
    public Prediction(long quoteId, long stage1VersionId, Long stage2VersionId, double pInTopic,
            Map<String, Double> topicProbabilities, int predictedLabel, String predictedTopic, double confidence) {
        this(quoteId, stage1VersionId, stage2VersionId, pInTopic, topicProbabilities, predictedLabel, predictedTopic,
                confidence, null, null);
    }

    /** The same prediction with an unfamiliar score and flag (null for unknown). */
    public Prediction withUnfamiliar(Double score, Boolean flag) {
        return new Prediction(quoteId, stage1VersionId, stage2VersionId, pInTopic, topicProbabilities, predictedLabel,
                predictedTopic, confidence, score, flag);
    }
}

package org.quotelab.domain.drift;

import java.time.Instant;
import java.util.List;

/**
 * The stored drift figures of one batch against a reference, for one pair of model versions.
 *
 * @param referenceBatchIds the batches the reference sample was drawn from
 * @param labelJs           JS distance of label proportions, or null when the batch has no labels
 * @param explainingQuoteIds the batch's quotes that most explain the input drift, strongest first
 * @param alerts            one sentence per alert; empty when nothing moved
 */
public record BatchDrift(long batchId, long stage1VersionId, Long stage2VersionId, List<Long> referenceBatchIds,
                         int referenceSize, int currentSize, double mmd2, double mmdPValue, double predictionJs,
                         double predictionPsi, double ksStatistic, double ksPValue, double estimatedAccuracy,
                         double referenceEstimatedAccuracy, Double labelJs, Double labelPsi,
                         List<Long> explainingQuoteIds, List<String> alerts, Instant computedAt) {

    public BatchDrift {
        referenceBatchIds = List.copyOf(referenceBatchIds);
        explainingQuoteIds = List.copyOf(explainingQuoteIds);
        alerts = List.copyOf(alerts);
    }

    public boolean alert() {
        return !alerts.isEmpty();
    }
}

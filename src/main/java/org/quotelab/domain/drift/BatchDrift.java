package org.quotelab.domain.drift;

import java.time.Instant;
import java.util.List;

/**
 * The stored drift figures of one batch against a reference, for one pair of model versions.
 *
 * @param referenceBatchIds the batches the reference sample was drawn from
 * @param labelJs           JS distance of label proportions, or null when the batch has no labels
 * @param explainingQuoteIds the batch's quotes that most explain the input drift, strongest first
 * @param alerts            one sentence per alerting test, most severe first; empty when nothing moved enough
 * @param severity          the batch's severity (the highest of its tests); null for figures stored
 *                          before severities existed
 * @param tests             every test with adjusted p, effect size, interval and sizes; empty for old figures
 * @param notes             why a test did not run
 */
public record BatchDrift(long batchId, long stage1VersionId, Long stage2VersionId, List<Long> referenceBatchIds,
                         int referenceSize, int currentSize, double mmd2, double mmdPValue, double predictionJs,
                         double predictionPsi, double ksStatistic, double ksPValue, double estimatedAccuracy,
                         double referenceEstimatedAccuracy, Double labelJs, Double labelPsi,
                         List<Long> explainingQuoteIds, List<String> alerts, Instant computedAt, Severity severity,
                         List<DriftTest> tests, List<String> notes) {

    public BatchDrift {
        referenceBatchIds = List.copyOf(referenceBatchIds);
        explainingQuoteIds = List.copyOf(explainingQuoteIds);
        alerts = List.copyOf(alerts);
        tests = tests == null ? List.of() : List.copyOf(tests);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean alert() {
        return severity == null ? !alerts.isEmpty() : severity.alert();
    }

    /** The test that decided the severity, or null for old figures. */
    public DriftTest strongest() {
        return DriftVerdict.strongest(tests);
    }
}

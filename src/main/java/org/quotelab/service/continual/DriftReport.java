package org.quotelab.service.continual;

import java.util.List;
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.domain.drift.DriftVerdict;
import org.quotelab.domain.drift.Severity;

/**
 * Drift of one new batch against reference data, computed before its labels are used. The verdict
 * holds every test with its adjusted p-value, effect size, interval, sizes and severity; the
 * single figures below are kept for charts and the stored table. Figures of the model-output tests
 * are NaN when too few quotes the model did not train on were available (see {@code notes}).
 *
 * @param referenceUnseen    reference quotes the model did not train on, used for the model-output tests
 * @param currentUnseen      the same for the new batch
 * @param mmdPValue          permutation p-value of the MMD test on sentence embeddings (uncorrected)
 * @param inputAuc           cross-fitted AUC of a kernel classifier between new and reference quotes (0.5 without drift)
 * @param predictionJs       Jensen-Shannon distance of predicted-class proportions
 * @param predictionPsi      population stability index of the same
 * @param ksStatistic        Kolmogorov-Smirnov statistic of the top-class confidences
 * @param estimatedAccuracy  CBPE: mean calibrated confidence on the new batch (no labels needed)
 * @param referenceEstimatedAccuracy the same on the reference sample
 * @param labelJs            JS distance of label proportions, or null while the batch has no labels
 * @param explainingQuotes   the new quotes that most explain the input drift (highest MMD witness)
 * @param notes              why a test did not run, one sentence each
 */
public record DriftReport(String batch, int referenceSize, int currentSize, int referenceUnseen, int currentUnseen,
                          double mmd2, double mmdPValue, double inputAuc, double predictionJs, double predictionPsi,
                          double ksStatistic, double ksPValue, double estimatedAccuracy,
                          double referenceEstimatedAccuracy, Double labelJs, Double labelPsi, DriftVerdict verdict,
                          List<String> explainingQuotes, List<String> notes) {

    public DriftReport {
        explainingQuotes = List.copyOf(explainingQuotes);
        notes = List.copyOf(notes);
    }

    /** True when some test is significant after correction and its effect reaches at least "minor". */
    public boolean drifted() {
        return verdict.alert();
    }

    public Severity severity() {
        return verdict.severity();
    }

    /** One sentence per alerting test, most severe first; empty when nothing moved enough. */
    public List<String> alerts() {
        return verdict.alerts();
    }

    public List<DriftTest> tests() {
        return verdict.tests();
    }
}

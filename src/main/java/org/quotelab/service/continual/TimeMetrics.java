package org.quotelab.service.continual;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.continual.AccuracyMatrix;

/**
 * Metrics across time from the evaluations of successive versions: row i is the version after
 * learning batch i, scored on every batch's validation part. Rows need all batches up to i + 1
 * (R[i][i+1] is what forward transfer uses); later entries are not needed and may be missing.
 *
 * <p>The FWT baseline of a batch is the best constant predictor (its majority class), i.e. a model
 * that learned nothing of the stream; ADR 0008 explains the choice.
 */
public final class TimeMetrics {

    private TimeMetrics() {
    }

    /** R[i][j] as accuracy; missing entries (j beyond the row's batches) are NaN. */
    public static AccuracyMatrix matrix(List<VersionEvaluation> rows, double[] baseline) {
        int t = rows.size();
        double[][] r = new double[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                r[i][j] = j < rows.get(i).batches() ? rows.get(i).accuracy(j) : Double.NaN;
            }
        }
        return new AccuracyMatrix(r, baseline);
    }

    /** Per batch, the accuracy of always predicting its majority class. */
    public static double[] majorityBaseline(List<List<LabelledQuote>> validation, List<String> labelOrder) {
        return validation.stream().mapToDouble(v -> majorityAccuracy(v, labelOrder)).toArray();
    }

    /** The same from an evaluation's per-class totals. */
    public static double[] majorityBaseline(VersionEvaluation e) {
        double[] out = new double[e.batches()];
        for (int j = 0; j < out.length; j++) {
            int max = 0;
            int sum = 0;
            for (int v : e.total()[j]) {
                max = Math.max(max, v);
                sum += v;
            }
            out[j] = sum == 0 ? 0 : (double) max / sum;
        }
        return out;
    }

    static double majorityAccuracy(List<LabelledQuote> batch, List<String> labelOrder) {
        if (batch.isEmpty()) {
            return 0;
        }
        int[] counts = new int[labelOrder.size()];
        batch.forEach(q -> {
            int c = labelOrder.indexOf(q.label());
            if (c >= 0) {
                counts[c]++;
            }
        });
        int max = 0;
        for (int v : counts) {
            max = Math.max(max, v);
        }
        return (double) max / batch.size();
    }

    /**
     * Per-class forgetting (Chaudhry et al.) on recall: for each class, the mean over earlier
     * batches j of the best recall any earlier version had on j minus the last version's recall on j.
     */
    public static Map<String, Double> classForgetting(List<VersionEvaluation> rows, List<String> labelOrder) {
        Map<String, Double> out = new LinkedHashMap<>();
        int t = rows.size();
        for (int c = 0; c < labelOrder.size(); c++) {
            double sum = 0;
            int n = 0;
            for (int j = 0; j < t - 1; j++) {
                double last = rows.get(t - 1).recall(j, c);
                if (Double.isNaN(last)) {
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int l = j; l < t - 1; l++) {
                    best = Math.max(best, rows.get(l).recall(j, c));
                }
                sum += best - last;
                n++;
            }
            out.put(labelOrder.get(c), n == 0 ? 0.0 : sum / n);
        }
        return out;
    }

    /** Accuracy on the latest batch's validation part after learning it. */
    public static double recent(List<VersionEvaluation> rows) {
        int t = rows.size();
        return rows.get(t - 1).accuracy(t - 1);
    }

    /** Pooled accuracy of the latest version on all earlier batches' validation parts. */
    public static double historical(List<VersionEvaluation> rows) {
        int t = rows.size();
        return t < 2 ? Double.NaN : rows.get(t - 1).pooledAccuracy(0, t - 1);
    }
}

package org.quotelab.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quotelab.domain.metrics.ClassMetrics;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.domain.metrics.ConfusionMatrix;
import org.quotelab.domain.model.ClassMetricRow;
import org.quotelab.domain.model.ConfusionRecord;
import org.quotelab.store.QuoteStore;

/**
 * Keeps end-to-end evaluations in the store's metrics tables, one entry per batch, so Monitoring
 * can chart a cascade across batches. An end-to-end result depends on both stages: it is filed
 * under the stage-2 version with the stage-1 version in the set's name (see {@link #evalSet}).
 */
public final class EvaluationStore {

    private final QuoteStore store;

    public EvaluationStore(QuoteStore store) {
        this.store = store;
    }

    /** The eval_set name of one batch's end-to-end result, e.g. "end-to-end:stage1=3:batch=7". */
    public static String evalSet(long stage1VersionId, long batchId) {
        return String.format(Locale.ROOT, "end-to-end:stage1=%d:batch=%d", stage1VersionId, batchId);
    }

    /** Replaces the stored per-class rows and confusion matrix of every batch in {@code e}. */
    void save(Evaluation e, long[] batchOfQuote) {
        List<String> labels = e.matrix().labels();
        long s2 = e.pair().stage2().id();
        for (long batch : CascadeEvaluator.distinct(batchOfQuote)) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < batchOfQuote.length; i++) {
                if (batchOfQuote[i] == batch) {
                    at.add(i);
                }
            }
            int[] y = at.stream().mapToInt(i -> e.truth()[i]).toArray();
            int[] yHat = at.stream().mapToInt(i -> e.predicted()[i]).toArray();
            ClassificationReport r = ClassificationReport.of(y, yHat, labels);
            String set = evalSet(e.pair().stage1().id(), batch);
            List<ClassMetricRow> rows = new ArrayList<>();
            for (ClassMetrics c : r.classes()) {
                rows.add(new ClassMetricRow(s2, set, c.label(), c.precision(), c.recall(), c.f1(), (int) c.support()));
            }
            store.metrics().saveClassMetrics(s2, set, rows);
            store.metrics().saveConfusion(new ConfusionRecord(s2, set, labels, toInt(r.matrix())));
        }
    }

    private static int[][] toInt(ConfusionMatrix m) {
        long[][] c = m.counts();
        int[][] out = new int[c.length][c.length];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                out[i][j] = Math.toIntExact(c[i][j]);
            }
        }
        return out;
    }
}

package org.quotelab.service.continual;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.ml.infer.VersionScorer;

/**
 * Scores one version on the validation parts of several batches: per batch, correct predictions
 * and totals per class, from which accuracy, recall and forgetting follow.
 *
 * @param correct [batch][class] correctly predicted validation quotes
 * @param total   [batch][class] validation quotes
 */
public record VersionEvaluation(int[][] correct, int[][] total) {

    public static final int MAX_LENGTH = LoadedModels.MAX_LENGTH;
    public static final int BATCH_SIZE = LoadedModels.BATCH_SIZE;

    /**
     * Scores with the copy of the version in {@code models} on the automatic device (an update's
     * parent is the active one, already loaded), else with a copy of its own on {@code device}.
     */
    public static VersionEvaluation of(LoadedModels models, Path version, List<String> labelOrder, List<List<LabelledQuote>> validation,
            ComputeDevice device) throws IOException {
        List<String> texts = new ArrayList<>();
        validation.forEach(v -> v.forEach(q -> texts.add(q.text())));
        float[][] p;
        List<String> versionLabels;
        if (device == ComputeDevice.AUTO) {
            try (LoadedModels.Lease<VersionScorer> scorer = models.version(version)) {
                p = scorer.model().probabilities(texts);
                versionLabels = scorer.model().labels().labels();
            }
        } else {
            try (VersionScorer scorer = VersionScorer.open(version, MAX_LENGTH, BATCH_SIZE, device)) {
                p = scorer.probabilities(texts);
                versionLabels = scorer.labels().labels();
            }
        }
        int c = labelOrder.size();
        int[][] correct = new int[validation.size()][c];
        int[][] total = new int[validation.size()][c];
        int k = 0;
        for (int j = 0; j < validation.size(); j++) {
            for (LabelledQuote q : validation.get(j)) {
                int truth = labelOrder.indexOf(q.label());
                String predicted = versionLabels.get(argmax(p[k++]));
                if (truth >= 0) {
                    total[j][truth]++;
                    if (predicted.equals(q.label())) {
                        correct[j][truth]++;
                    }
                }
            }
        }
        return new VersionEvaluation(correct, total);
    }

    /** Accuracy on batch j's validation part (0 when it is empty). */
    public double accuracy(int j) {
        return ratio(sum(correct[j]), sum(total[j]));
    }

    /** Pooled accuracy over batches [from, to). */
    public double pooledAccuracy(int from, int to) {
        int ok = 0;
        int n = 0;
        for (int j = from; j < to; j++) {
            ok += sum(correct[j]);
            n += sum(total[j]);
        }
        return ratio(ok, n);
    }

    /** Recall of class c on batch j, or NaN when the batch has none of it. */
    public double recall(int j, int c) {
        return total[j][c] == 0 ? Double.NaN : (double) correct[j][c] / total[j][c];
    }

    public int batches() {
        return total.length;
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}

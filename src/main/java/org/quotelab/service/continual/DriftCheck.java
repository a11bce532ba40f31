package org.quotelab.service.continual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.quotelab.domain.drift.ConfidenceShift;
import org.quotelab.domain.drift.DistributionShift;
import org.quotelab.domain.drift.MmdTest;

/**
 * Checks a new batch against reference data before its labels are used: input drift (MMD
 * permutation test on sentence embeddings), prediction drift (JS distance and PSI of predicted
 * classes), confidence shift (KS test), the CBPE accuracy estimate, and label shift once labels
 * exist. Both samples are subsampled (seeded) to keep the kernel matrix small.
 */
public final class DriftCheck {

    /**
     * @param maxSample     at most this many quotes from each side
     * @param alpha         significance level of the MMD and KS tests
     * @param accuracyDrop  estimated-accuracy fall (CBPE) that raises an alert
     * @param explain       how many explaining quotes to return
     */
    public record Settings(int maxSample, int permutations, double alpha, double accuracyDrop, int explain,
                           long seed) {

        public static Settings defaults() {
            return new Settings(300, 500, 0.01, 0.05, 5, 7);
        }
    }

    private final Embedder embedder;
    private final Settings settings;

    public DriftCheck(Embedder embedder, Settings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    /**
     * @param probabilities class probabilities of the model in use (its label order)
     * @param temperature   its calibration temperature (1 = as is)
     * @param referenceLabels labels of the reference quotes, or null
     * @param currentLabels labels of the new quotes, or null while there are none
     * @param labelOrder    class names in the model's order, to compare label proportions
     */
    public DriftReport check(String batch, List<String> reference, List<String> current,
                             Function<List<String>, float[][]> probabilities, double temperature,
                             List<String> referenceLabels, List<String> currentLabels, List<String> labelOrder) {
        int[] ri = sample(reference.size(), settings.seed());
        int[] ci = sample(current.size(), settings.seed() + 1);
        List<String> ref = pick(reference, ri);
        List<String> cur = pick(current, ci);
        MmdTest.Result mmd = MmdTest.test(embedder.embed(ref), embedder.embed(cur), settings.permutations(),
                settings.seed());
        float[][] pr = calibrate(probabilities.apply(ref), temperature);
        float[][] pc = calibrate(probabilities.apply(cur), temperature);
        int classes = pr.length > 0 ? pr[0].length : labelOrder.size();
        double[] predRef = DistributionShift.proportions(counts(pr, classes));
        double[] predCur = DistributionShift.proportions(counts(pc, classes));
        double js = DistributionShift.jensenShannonDistance(predRef, predCur);
        double psi = DistributionShift.populationStabilityIndex(predRef, predCur);
        double[] confRef = confidences(pr);
        double[] confCur = confidences(pc);
        ConfidenceShift.KsResult ks = ConfidenceShift.kolmogorovSmirnov(confRef, confCur);
        double est = ConfidenceShift.estimatedAccuracy(confCur);
        double estRef = ConfidenceShift.estimatedAccuracy(confRef);
        Double labelJs = null;
        Double labelPsi = null;
        if (referenceLabels != null && currentLabels != null && !currentLabels.isEmpty()) {
            double[] lr = DistributionShift.proportions(labelCounts(pick(referenceLabels, ri), labelOrder));
            double[] lc = DistributionShift.proportions(labelCounts(pick(currentLabels, ci), labelOrder));
            labelJs = DistributionShift.jensenShannonDistance(lr, lc);
            labelPsi = DistributionShift.populationStabilityIndex(lr, lc);
        }
        List<String> explaining = explaining(cur, mmd.witness());
        List<String> alerts = new ArrayList<>();
        if (mmd.drifted(settings.alpha())) {
            alerts.add(String.format(Locale.ROOT, "input drift: MMD^2 %.5f, p = %.4f < %.2f", mmd.mmd2(), mmd.pValue(),
                    settings.alpha()));
        }
        DistributionShift.Level level = DistributionShift.Level.of(Math.max(js, psi));
        if (level != DistributionShift.Level.NONE) {
            alerts.add(String.format(Locale.ROOT, "prediction drift (%s): JS %.3f, PSI %.3f",
                    level.name().toLowerCase(Locale.ROOT), js, psi));
        }
        if (ks.pValue() < settings.alpha()) {
            alerts.add(String.format(Locale.ROOT, "confidence shift: KS %.3f, p = %.4f", ks.statistic(), ks.pValue()));
        }
        if (estRef - est > settings.accuracyDrop()) {
            alerts.add(String.format(Locale.ROOT, "estimated accuracy fell from %.3f to %.3f", estRef, est));
        }
        if (labelJs != null) {
            DistributionShift.Level ll = DistributionShift.Level.of(Math.max(labelJs, labelPsi));
            if (ll != DistributionShift.Level.NONE) {
                alerts.add(String.format(Locale.ROOT, "label shift (%s): JS %.3f, PSI %.3f",
                        ll.name().toLowerCase(Locale.ROOT), labelJs, labelPsi));
            }
        }
        return new DriftReport(batch, ref.size(), cur.size(), mmd.mmd2(), mmd.pValue(), js, psi, ks.statistic(),
                ks.pValue(), est, estRef, labelJs, labelPsi, explaining, alerts);
    }

    private int[] sample(int n, long seed) {
        List<Integer> idx = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        if (n > settings.maxSample()) {
            Collections.shuffle(idx, new Random(seed));
            idx = idx.subList(0, settings.maxSample());
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    private static <T> List<T> pick(List<T> items, int[] idx) {
        List<T> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(items.get(i));
        }
        return out;
    }

    private List<String> explaining(List<String> cur, double[] witness) {
        return IntStream.range(0, cur.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> witness[i]).reversed())
                .limit(settings.explain()).map(cur::get).toList();
    }

    static float[][] calibrate(float[][] p, double temperature) {
        if (temperature == 1.0) {
            return p;
        }
        float[][] out = new float[p.length][];
        for (int i = 0; i < p.length; i++) {
            double[] z = new double[p[i].length];
            double sum = 0;
            for (int k = 0; k < z.length; k++) {
                z[k] = Math.exp(Math.log(Math.max(p[i][k], 1e-12)) / temperature);
                sum += z[k];
            }
            out[i] = new float[z.length];
            for (int k = 0; k < z.length; k++) {
                out[i][k] = (float) (z[k] / sum);
            }
        }
        return out;
    }

    private static long[] counts(float[][] p, int classes) {
        long[] c = new long[classes];
        for (float[] row : p) {
            int best = 0;
            for (int k = 1; k < row.length; k++) {
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            c[best]++;
        }
        return c;
    }

    private static double[] confidences(float[][] p) {
        double[] c = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double max = 0;
            for (float v : p[i]) {
                max = Math.max(max, v);
            }
            c[i] = max;
        }
        return c;
    }

    private static long[] labelCounts(List<String> labels, List<String> labelOrder) {
        long[] c = new long[labelOrder.size()];
        for (String l : labels) {
            int k = labelOrder.indexOf(l);
            if (k >= 0) {
                c[k]++;
            }
        }
        return c;
    }
}

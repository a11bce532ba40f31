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
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.domain.drift.DriftVerdict;
import org.quotelab.domain.drift.MmdTest;
import org.quotelab.domain.drift.MultipleTesting;
import org.quotelab.domain.drift.ShareTest;

/**
 * Checks a new batch against reference data before its labels are used. The tests of one batch:
 * input drift (MMD permutation test on sentence embeddings of the pretrained encoder), prediction
 * shift (chi-square of predicted-class counts), confidence shift (KS), a fall of the CBPE accuracy
 * estimate (one-sided z), and label shift (chi-square) once labels exist. Their p-values are
 * corrected together (Holm by default) and each test is graded by its effect size (ADR 0016).
 *
 * <p>The model-output tests compare only quotes the model did not train on: a model is more
 * confident on its own training quotes, so a reference of seen quotes makes every new batch look
 * shifted. Both samples are subsampled (seeded) to keep the kernel matrix small.
 */
public final class DriftCheck {

    /**
     * @param maxSample      at most this many quotes from each side
     * @param alpha          family-wise (Holm) or false-discovery (BH) level of one batch's tests
     * @param explain        how many explaining quotes to return
     * @param minModelSample the fewest unseen quotes a side needs for the model-output tests
     */
    public record Settings(int maxSample, int permutations, double alpha, MultipleTesting.Method correction,
                           int explain, long seed, int minModelSample) {

        /** 1,000 permutations so that the smallest MMD p-value (1/1001) passes Holm's first step at 0.01 / 5. */
        public static Settings defaults() {
            return new Settings(300, 1000, 0.01, MultipleTesting.Method.HOLM, 5, 7, 30);
        }

        public Settings withMaxSample(int n) {
            return new Settings(n, permutations, alpha, correction, explain, seed, minModelSample);
        }

        public Settings withExplain(int n) {
            return new Settings(maxSample, permutations, alpha, correction, n, seed, minModelSample);
        }

        public Settings withCorrection(MultipleTesting.Method method) {
            return new Settings(maxSample, permutations, alpha, method, explain, seed, minModelSample);
        }
    }

    /**
     * One side of the comparison.
     *
     * @param texts  the quotes, for the input test and the label test
     * @param labels their labels in the same order (null, or entries outside the label order, when unknown)
     * @param unseen quotes of this side the model never trained on, for the model-output tests
     */
    public record Sample(List<String> texts, List<String> labels, List<String> unseen) {

        public Sample {
            texts = List.copyOf(texts);
            // unknown labels may be null entries, which List.copyOf refuses
            labels = labels == null ? null : Collections.unmodifiableList(new ArrayList<>(labels));
            unseen = List.copyOf(unseen);
            if (labels != null && labels.size() != texts.size()) {
                throw new IllegalArgumentException(labels.size() + " labels for " + texts.size() + " quotes");
            }
        }

        /** Every quote is one the model did not train on (the caller vouches for it). */
        public static Sample allUnseen(List<String> texts, List<String> labels) {
            return new Sample(texts, labels, texts);
        }
    }

    private final Embedder embedder;
    private final Settings settings;

    public DriftCheck(Embedder embedder, Settings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    /**
     * As {@link #check(String, Sample, Sample, Function, double, List)} when no quote of either side
     * trained the model: the caller vouches for that.
     */
    public DriftReport check(String batch, List<String> reference, List<String> current,
                             Function<List<String>, float[][]> probabilities, double temperature,
                             List<String> referenceLabels, List<String> currentLabels, List<String> labelOrder) {
        return check(batch, Sample.allUnseen(reference, referenceLabels), Sample.allUnseen(current, currentLabels),
                probabilities, temperature, labelOrder);
    }

    /**
     * @param probabilities class probabilities of the model in use (its label order)
     * @param temperature   its calibration temperature (1 = as is)
     * @param labelOrder    class names in the model's order, to compare label proportions
     */
    public DriftReport check(String batch, Sample reference, Sample current,
                             Function<List<String>, float[][]> probabilities, double temperature,
                             List<String> labelOrder) {
        int[] ri = sample(reference.texts().size(), settings.seed());
        int[] ci = sample(current.texts().size(), settings.seed() + 1);
        List<String> ref = pick(reference.texts(), ri);
        List<String> cur = pick(current.texts(), ci);
        List<DriftTest> tests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        MmdTest.Result mmd = MmdTest.test(embedder.embed(ref), embedder.embed(cur), settings.permutations(),
                settings.seed());
        tests.add(mmd.toTest());
        Double labelJs = null;
        Double labelPsi = null;
        if (reference.labels() != null && current.labels() != null) {
            long[] lr = labelCounts(pick(reference.labels(), ri), labelOrder);
            long[] lc = labelCounts(pick(current.labels(), ci), labelOrder);
            if (sum(lr) > 0 && sum(lc) > 0) {
                ShareTest.Result labels = ShareTest.compare(labelOrder, lr, lc);
                tests.add(labels.toTest(DriftTest.Kind.LABEL));
                labelJs = labels.js();
                labelPsi = labels.psi();
            }
        }
        List<String> ru = pick(reference.unseen(), sample(reference.unseen().size(), settings.seed() + 2));
        List<String> cu = pick(current.unseen(), sample(current.unseen().size(), settings.seed() + 3));
        double js = Double.NaN;
        double psi = Double.NaN;
        ConfidenceShift.KsResult ks = new ConfidenceShift.KsResult(Double.NaN, Double.NaN, ru.size(), cu.size());
        double est = Double.NaN;
        double estRef = Double.NaN;
        if (ru.size() >= settings.minModelSample() && cu.size() >= settings.minModelSample()) {
            float[][] pr = calibrate(probabilities.apply(ru), temperature);
            float[][] pc = calibrate(probabilities.apply(cu), temperature);
            int classes = pr[0].length;
            List<String> names = classes == labelOrder.size() ? labelOrder
                    : IntStream.range(0, classes).mapToObj(k -> "class " + k).toList();
            ShareTest.Result predicted = ShareTest.compare(names, counts(pr, classes), counts(pc, classes));
            tests.add(predicted.toTest(DriftTest.Kind.PREDICTION));
            js = predicted.js();
            psi = predicted.psi();
            double[] confRef = confidences(pr);
            double[] confCur = confidences(pc);
            ks = ConfidenceShift.kolmogorovSmirnov(confRef, confCur);
            tests.add(ks.toTest());
            ConfidenceShift.MeanFall fall = ConfidenceShift.meanFall(confRef, confCur);
            tests.add(fall.toTest());
            est = fall.current();
            estRef = fall.reference();
        } else {
            notes.add(String.format(Locale.ROOT, "model-output tests not run: %d reference and %d new quotes the model"
                    + " did not train on, %d a side needed", ru.size(), cu.size(), settings.minModelSample()));
        }
        DriftVerdict verdict = DriftVerdict.of(tests, settings.alpha(), settings.correction());
        return new DriftReport(batch, ref.size(), cur.size(), ru.size(), cu.size(), mmd.mmd2(), mmd.pValue(),
                mmd.auc(), js, psi, ks.statistic(), ks.pValue(), est, estRef, labelJs, labelPsi, verdict,
                explaining(cur, mmd.witness()), notes);
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
            int k = l == null ? -1 : labelOrder.indexOf(l);
            if (k >= 0) {
                c[k]++;
            }
        }
        return c;
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }
}

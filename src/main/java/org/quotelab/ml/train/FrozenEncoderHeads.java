package org.quotelab.ml.train;

import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.versions.DatasetIdentity;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.Provenance;
import org.quotelab.ml.versions.RunEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fast first model: the base encoder stays as it is (one forward pass per quote, no gradients)
 * and only a linear head is fitted on its mean-pooled outputs ({@link SoftmaxRegression}). The
 * head drops into the classifier's own Linear layer, so the version it writes is an ordinary
 * mean-pooling version folder that every scorer, export and update reads as usual.
 *
 * <p>The encoder outputs of each text are computed once and reused by every stage fitted with the
 * same instance: stage 1 and stage 2 see mostly the same quotes. Thread-confined.
 */
public final class FrozenEncoderHeads {

    /** What provenance calls this kind of version. */
    public static final String METHOD = "frozen encoder + linear head";
    /** L2 penalty on the standardised weights: keeps 384 weights per class from fitting noise. */
    static final double L2 = 3e-3;
    private static final Logger LOG = LoggerFactory.getLogger(FrozenEncoderHeads.class);
    private static final int BATCH = 64;

    private final String base;
    private final TrainingConfig config;
    private final Map<String, float[]> features = new HashMap<>();

    /** {@code base}: as for a fine-tune (bundled, tiny, a folder); the head pools by the mean. */
    public FrozenEncoderHeads(String base, int maxLength, long seed) {
        this.base = base;
        this.config = TrainingConfig.builder().clsPooler(false).maxLength(maxLength).seed(seed).build();
    }

    /** Fits a head for {@code labels} and writes the version into {@code out} (atomically). */
    public void fit(List<String> texts, List<String> labels, String task, Path out, BooleanSupplier cancelled)
            throws IOException {
        long t0 = System.nanoTime();
        LabelMap map = LabelMap.fromValues(labels);
        int[] y = map.indexes(labels);
        try (ClassifierModel model = BertModels.open(base, map.size(), config, ComputeDevice.AUTO)) {
            if (!(model instanceof QuoteClassifier classifier)) {
                throw new IOException(base + " is not a BERT classifier");
            }
            float[][] x = features(classifier, texts, cancelled);
            SoftmaxRegression head = SoftmaxRegression.fit(x, y, map.size(), L2, config.seed(), cancelled);
            setHead(model.hfParameters(), head);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> hyper = new LinkedHashMap<>();
            hyper.put("method", METHOD);
            hyper.put("pooling", "mean");
            hyper.put("l2", L2);
            hyper.put("iterations", SoftmaxRegression.ITERATIONS);
            hyper.put("class_weights", "inverse frequency");
            hyper.put("max_length", config.maxLength());
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("train_accuracy", accuracy(head, x, y));
            metrics.put("train_seconds", seconds);
            Provenance provenance = new Provenance(base, null, DatasetIdentity.sha256(texts, labels), texts.size(), 0,
                    hyper, metrics, map.labels(), task, RunEnvironment.describe(model.net().manager()),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), config.seed());
            ModelVersions.save(model, map, provenance, out);
            LOG.info("{}: {} on {} quotes in {} s", task, METHOD, texts.size(),
                    String.format(java.util.Locale.ROOT, "%.1f", seconds));
        }
    }

    /** A head fitted in memory (nothing written): its labels, and the probabilities of other texts in their order. */
    public record FoldScores(List<String> labels, float[][] probabilities) {
    }

    /**
     * Fits a head for {@code labels} in memory and scores {@code heldOut} with it, from the
     * encoder outputs already computed: what cross-fitting needs of a fold, without writing a
     * version, loading it back and running the encoder again over the quotes it did not see.
     */
    public FoldScores fitAndScore(List<String> texts, List<String> labels, String task, List<String> heldOut,
            BooleanSupplier cancelled) throws IOException {
        long t0 = System.nanoTime();
        LabelMap map = LabelMap.fromValues(labels);
        float[][] x = features(texts, cancelled);
        SoftmaxRegression head = SoftmaxRegression.fit(x, map.indexes(labels), map.size(), L2, config.seed(),
                cancelled);
        float[][] held = features(heldOut, cancelled);
        float[][] p = new float[held.length][];
        for (int i = 0; i < held.length; i++) {
            p[i] = softmax(head.logits(held[i]));
        }
        LOG.info("{}: {} on {} quotes, {} scored, in {} s (in memory)", task, METHOD, texts.size(), heldOut.size(),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        return new FoldScores(map.labels(), p);
    }

    /**
     * The stage-1 features of a version this class wrote, as its unfamiliar score uses them: the
     * mean-pooled encoder outputs, L2-normalised (the head does not change the encoder).
     */
    public float[][] unitFeatures(List<String> texts, BooleanSupplier cancelled) throws IOException {
        float[][] raw = features(texts, cancelled);
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            double norm = 0;
            for (float v : raw[i]) {
                norm += v * v;
            }
            // the same floor as the scorer's normalisation, so an all-zero row stays zero
            double scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
            out[i] = new float[raw[i].length];
            for (int j = 0; j < raw[i].length; j++) {
                out[i][j] = (float) (raw[i][j] * scale);
            }
        }
        return out;
    }

    /** The mean-pooled encoder outputs of {@code texts}, encoding only the texts not seen before. */
    public float[][] features(List<String> texts, BooleanSupplier cancelled) throws IOException {
        if (texts.stream().allMatch(features::containsKey)) {
            return features(null, texts, cancelled);
        }
        try (ClassifierModel model = BertModels.open(base, 2, config, ComputeDevice.AUTO)) {
            if (!(model instanceof QuoteClassifier classifier)) {
                throw new IOException(base + " is not a BERT classifier");
            }
            return features(classifier, texts, cancelled);
        }
    }

    private static float[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            e[c] = Math.exp(z[c] - max);
            sum += e[c];
        }
        float[] p = new float[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = (float) (e[c] / sum);
        }
        return p;
    }

    /** {@code classifier} may be null when every text is encoded already. */
    private float[][] features(QuoteClassifier classifier, List<String> texts, BooleanSupplier cancelled) {
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (!features.containsKey(t)) {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return collect(texts);
        }
        Scorer scorer = new Scorer(classifier, BATCH);
        // in slices, so a cancel is seen within seconds
        for (int from = 0; from < missing.size(); from += 256) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException("encoding the quotes");
            }
            List<String> slice = missing.subList(from, Math.min(missing.size(), from + 256));
            float[][] pooled = scorer.pooled(slice);
            for (int i = 0; i < slice.size(); i++) {
                features.put(slice.get(i), pooled[i]);
            }
        }
        return collect(texts);
    }

    private float[][] collect(List<String> texts) {
        float[][] x = new float[texts.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = features.get(texts.get(i));
        }
        return x;
    }

    private static void setHead(Map<String, Parameter> params, SoftmaxRegression head) {
        int classes = head.bias().length;
        int d = head.weights()[0].length;
        float[] flat = new float[classes * d];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(head.weights()[c], 0, flat, c * d, d);
        }
        params.get("classifier.weight").getArray().set(FloatBuffer.wrap(flat));
        params.get("classifier.bias").getArray().set(FloatBuffer.wrap(head.bias()));
    }

    private static double accuracy(SoftmaxRegression head, float[][] x, int[] y) {
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            double[] z = head.logits(x[i]);
            int best = 0;
            for (int c = 1; c < z.length; c++) {
                best = z[c] > z[best] ? c : best;
            }
            right += best == y[i] ? 1 : 0;
        }
        return x.length == 0 ? Double.NaN : right / (double) x.length;
    }
}

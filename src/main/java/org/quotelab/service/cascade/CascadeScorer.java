package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.calibration.TemperatureScaling;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.domain.unfamiliar.FeatureStatistics;
import org.quotelab.ml.infer.Scores;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.ml.model.Devices;

/**
 * Both stages of a cascade opened together; scores quotes into calibrated {@link CascadeOutput}s.
 * Closing it closes or releases what it opened.
 */
public final class CascadeScorer implements AutoCloseable {

    private final CascadeModel model;
    private final VersionScorer stage1;
    private final VersionScorer stage2;
    private final AutoCloseable first;
    private final AutoCloseable second;

    private CascadeScorer(CascadeModel model, VersionScorer stage1, VersionScorer stage2, AutoCloseable first,
                          AutoCloseable second) {
        this.model = model;
        this.stage1 = stage1;
        this.stage2 = stage2;
        this.first = first;
        this.second = second;
    }

    /** Both stages loaded for this scorer alone: a one-off use (a CSV, a fresh training's calibration). */
    public static CascadeScorer open(Path folder, int maxLength, int batchSize) throws IOException {
        return open(folder, maxLength, batchSize, ComputeDevice.AUTO);
    }

    public static CascadeScorer open(Path folder, int maxLength, int batchSize, ComputeDevice device) throws IOException {
        CascadeModel m = CascadeModel.read(folder);
        VersionScorer s1 = VersionScorer.open(folder.resolve(m.stage1()), maxLength, batchSize, device);
        try {
            VersionScorer s2 = VersionScorer.open(folder.resolve(m.stage2()), maxLength, batchSize, device);
            return new CascadeScorer(m, s1, s2, s1, s2);
        } catch (IOException | RuntimeException e) {
            s1.close();
            throw e;
        }
    }

    /** Both stages of {@code m} (read from {@code folder}) held from {@code models}, shared with their other users. */
    public static CascadeScorer shared(LoadedModels models, Path folder, CascadeModel m) throws IOException {
        LoadedModels.Lease<VersionScorer> s1 = models.version(folder.resolve(m.stage1()));
        try {
            LoadedModels.Lease<VersionScorer> s2 = models.version(folder.resolve(m.stage2()));
            return new CascadeScorer(m, s1.model(), s2.model(), s1, s2);
        } catch (IOException | RuntimeException e) {
            s1.close();
            throw e;
        }
    }

    public CascadeModel model() {
        return model;
    }

    public CascadeOutput score(List<String> texts) {
        return score(texts, model.stage1Temperature(), model.stage2Temperature());
    }

    /** Raw (uncalibrated) outputs: what calibration is fitted on. */
    public CascadeOutput scoreRaw(List<String> texts) {
        return score(texts, 1.0, 1.0);
    }

    private CascadeOutput score(List<String> texts, double t1, double t2) {
        // stage 1's features come from the pass that gives its probabilities
        Scores s1 = stage1.scores(texts);
        double[] p = stage1Positive(stage1.labels(), s1.probabilities(), t1);
        double[][] q = stage2InCascadeOrder(stage2.labels(), stage2.probabilities(texts), model.topics(), t2);
        FeatureStatistics stats = stage1.statistics();
        return new CascadeOutput(model.topics(), p, q, stage1.unfamiliar(s1),
                stats == null ? Double.NaN : stats.cutoff());
    }

    static double[] stage1Positive(LabelMap labels, float[][] probs, double temperature) {
        int positive = labels.indexOf("1");
        if (positive < 0) {
            throw new IllegalStateException("stage-1 model has no label '1': " + labels.labels());
        }
        double[] p = new double[probs.length];
        for (int i = 0; i < probs.length; i++) {
            p[i] = TemperatureScaling.apply(toDouble(probs[i]), temperature)[positive];
        }
        return p;
    }

    /** Reorders stage 2's label-map order into [not pertinent, topics...]; absent classes get 0. */
    static double[][] stage2InCascadeOrder(LabelMap labels, float[][] probs, List<String> topics, double temperature) {
        int[] position = new int[labels.size()];
        for (int c = 0; c < labels.size(); c++) {
            String name = labels.label(c);
            position[c] = CascadeModel.NOT_PERTINENT.equals(name) ? 0 : topics.indexOf(name) + 1;
            if (position[c] == 0 && !CascadeModel.NOT_PERTINENT.equals(name)) {
                throw new IllegalStateException("stage-2 label '" + name + "' is not a cascade topic " + topics);
            }
        }
        double[][] out = new double[probs.length][topics.size() + 1];
        for (int i = 0; i < probs.length; i++) {
            double[] scaled = TemperatureScaling.apply(toDouble(probs[i]), temperature);
            for (int c = 0; c < scaled.length; c++) {
                out[i][position[c]] = scaled[c];
            }
        }
        return out;
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    @Override
    public void close() {
        try {
            closeQuietly(first);
        } finally {
            closeQuietly(second);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

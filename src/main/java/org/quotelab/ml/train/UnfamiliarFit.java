package org.quotelab.ml.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.quotelab.domain.unfamiliar.FeatureStatistics;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.ml.infer.Scores;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.versions.FeatureStatisticsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a saved version's feature statistics, the one step that the end of a training and of a
 * continual update calls: the version's encoder features of its training quotes give the mean and
 * covariance, those of quotes it did not train on give the cut-off; both go into the version's
 * folder ({@link FeatureStatisticsFile}).
 */
public final class UnfamiliarFit {

    /**
     * More quotes add little to a 384-dimensional mean and covariance, or to a 0.95 quantile, but
     * cost a pass each: larger sets are sampled (seeded).
     */
    public static final int MAX_FIT_QUOTES = 4000;
    private static final int MAX_LENGTH = 128;
    private static final int BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(UnfamiliarFit.class);

    private UnfamiliarFit() {
    }

    /**
     * Fits and writes the statistics of {@code version}. {@code heldOutSource} names the held-out
     * quotes in the provenance (e.g. "validation split of the training quotes").
     *
     * @return the statistics, or null (nothing written) without held-out quotes
     */
    public static FeatureStatistics fitAndSave(Path version, List<String> trainingTexts, List<String> heldOutTexts,
                                               String heldOutSource, long seed) throws IOException {
        return fitAndSave(version, trainingTexts, heldOutTexts, heldOutSource, seed, null);
    }

    /** Stage-1 features of texts computed elsewhere, e.g. the frozen encoder outputs a quick start already has. */
    @FunctionalInterface
    public interface Features {
        float[][] of(List<String> texts) throws IOException;
    }

    /** As {@link #fitAndSave(Path, List, List, String, long)}; {@code known} non-null gives the features without loading the version. */
    public static FeatureStatistics fitAndSave(Path version, List<String> trainingTexts, List<String> heldOutTexts,
                                               String heldOutSource, long seed, Features known) throws IOException {
        if (heldOutTexts.isEmpty() || trainingTexts.size() < 2) {
            LOG.warn("{}: no held-out quotes to calibrate a cut-off on, so its unfamiliar scores stay unknown", version);
            return null;
        }
        long t0 = System.nanoTime();
        List<String> fit = sample(trainingTexts, MAX_FIT_QUOTES, seed);
        // a quantile needs far fewer quotes than the stored batches' validation quotes may hold
        List<String> held = sample(heldOutTexts, MAX_FIT_QUOTES, seed);
        FeatureStatistics s;
        if (known != null) {
            s = FeatureStatistics.fit(toDouble(known.of(fit)), toDouble(known.of(held)), FeatureStatistics.DEFAULT_QUANTILE);
        } else try (VersionScorer scorer = VersionScorer.open(version, MAX_LENGTH, BATCH, ComputeDevice.AUTO)) {
            s = FeatureStatistics.fit(toDouble(scorer.scores(fit).features()),
                    toDouble(scorer.scores(held).features()), FeatureStatistics.DEFAULT_QUANTILE);
        }
        FeatureStatisticsFile.write(version, s, heldOutSource);
        LOG.info("unfamiliar statistics of {}: {} fitted, {} held out, cut-off {}, shrinkage {}, {} s", version,
                s.fitted(), s.heldOut(), String.format(java.util.Locale.ROOT, "%.3f", s.cutoff()),
                String.format(java.util.Locale.ROOT, "%.3f", s.shrinkage()), (System.nanoTime() - t0) / 1_000_000_000);
        return s;
    }

    /**
     * As {@link #fitAndSave} for a version trained by {@code FineTuneRun} on {@code texts}: its
     * seeded validation split (the rows it held out to pick the best epoch) gives the cut-off, the
     * rest the fit. Without a split there are no held-out quotes: nothing is written and the
     * version's scores stay unknown.
     *
     * @return the statistics, or null when there was nothing to calibrate on
     */
    public static FeatureStatistics fitAndSaveWithSplit(Path version, List<String> texts, List<String> labels,
                                                        double validationFraction, long seed) throws IOException {
        return fitAndSaveWithSplit(version, texts, labels, validationFraction, seed, null);
    }

    /** As {@link #fitAndSaveWithSplit(Path, List, List, double, long)} with features known already (or null). */
    public static FeatureStatistics fitAndSaveWithSplit(Path version, List<String> texts, List<String> labels,
            double validationFraction, long seed, Features known) throws IOException {
        LabelMap map = LabelMap.fromValues(labels);
        int[][] split = DataSplit.stratified(map.indexes(labels), map.size(), validationFraction, seed);
        if (split[1].length == 0) {
            LOG.warn("{} was trained without held-out quotes: its unfamiliar scores stay unknown", version);
            return null;
        }
        return fitAndSave(version, DataSplit.select(texts, split[0]), DataSplit.select(texts, split[1]),
                "validation split of the training quotes", seed, known);
    }

    /** The share of the training quotes that sets the cut-off when a fine-tune held none out. */
    public static final double SEEN_CUTOFF_SHARE = 0.1;

    /**
     * As {@link #fitAndSaveWithSplit} for a fine-tune that held out {@code holdOut} of its rows. A
     * recipe that trains on every row (hold-out 0) still gets a score: a seeded tenth of its training
     * quotes sets the cut-off, and the provenance says the model learned them. Seen quotes lie
     * closer to the training mean than new ones, so that cut-off is lower and flags more quotes: the
     * cautious side for a score meant to warn.
     */
    public static FeatureStatistics fitAndSaveAfterFineTune(Path version, List<String> texts, List<String> labels,
                                                            double holdOut, long seed) throws IOException {
        return fitAndSaveAfterFineTune(version, texts, labels, holdOut, seed, null);
    }

    /** As {@link #fitAndSaveAfterFineTune(Path, List, List, double, long)} with features known already (or null). */
    public static FeatureStatistics fitAndSaveAfterFineTune(Path version, List<String> texts, List<String> labels,
                                                            double holdOut, long seed, Features known) throws IOException {
        if (holdOut > 0) {
            return fitAndSaveWithSplit(version, texts, labels, holdOut, seed, known);
        }
        LabelMap map = LabelMap.fromValues(labels);
        int[][] split = DataSplit.stratified(map.indexes(labels), map.size(), SEEN_CUTOFF_SHARE, seed);
        return fitAndSave(version, DataSplit.select(texts, split[0]), DataSplit.select(texts, split[1]),
                "training quotes the model also learned (its recipe holds none out)", seed, known);
    }

    /** Where the cut-off of {@link #fitAndSaveWithDistances} came from, as provenance.json records it. */
    public static final String OUT_OF_FOLD_SOURCE =
            "out-of-fold: each training quote's distance under the fold model that did not train on it";

    /**
     * The distances of a fold's held-out quotes under statistics fitted on the features of the
     * quotes that fold's model trained on: out-of-fold distances, which {@link
     * #fitAndSaveWithDistances} pools into the cut-off of the model trained on all of them.
     */
    public static double[] heldOutDistances(float[][] foldTrainingFeatures, float[][] heldOutFeatures) {
        double[][] held = toDouble(heldOutFeatures);
        FeatureStatistics s = FeatureStatistics.fit(toDouble(foldTrainingFeatures), held,
                FeatureStatistics.DEFAULT_QUANTILE);
        double[] d = new double[held.length];
        for (int i = 0; i < held.length; i++) {
            d[i] = s.distance(held[i]);
        }
        return d;
    }

    /** As {@link #heldOutDistances(float[][], float[][])} with a fold model's scorer, its training texts and held-out scores. */
    public static double[] heldOutDistances(VersionScorer fold, List<String> foldTraining, Scores heldOut, long seed) {
        return heldOutDistances(fold.scores(sample(foldTraining, MAX_FIT_QUOTES, seed)).features(), heldOut.features());
    }

    /**
     * As {@link #fitAndSave} for a version trained on every quote of {@code trainingTexts}: the
     * mean and covariance come from its features of those quotes, the cut-off from out-of-fold
     * distances ({@link #heldOutDistances}), the same unseen-quote principle as the cascade's
     * operating point. A cut-off taken on quotes the model learned is too low: it flagged twice
     * the intended share of new in-domain quotes.
     */
    public static FeatureStatistics fitAndSaveWithDistances(Path version, List<String> trainingTexts,
            double[] outOfFoldDistances, long seed) throws IOException {
        List<String> fit = sample(trainingTexts, MAX_FIT_QUOTES, seed);
        FeatureStatistics s;
        try (VersionScorer scorer = VersionScorer.open(version, MAX_LENGTH, BATCH, ComputeDevice.AUTO)) {
            s = FeatureStatistics.fitWithDistances(toDouble(scorer.scores(fit).features()), outOfFoldDistances,
                    FeatureStatistics.DEFAULT_QUANTILE);
        }
        FeatureStatisticsFile.write(version, s, OUT_OF_FOLD_SOURCE);
        LOG.info("unfamiliar statistics of {}: {} fitted, cut-off {} from {} out-of-fold distances", version,
                s.fitted(), String.format(java.util.Locale.ROOT, "%.3f", s.cutoff()), s.heldOut());
        return s;
    }

    public static List<String> sample(List<String> texts, int max, long seed) {
        if (texts.size() <= max) {
            return texts;
        }
        List<String> copy = new ArrayList<>(texts);
        Collections.shuffle(copy, new Random(seed));
        return copy.subList(0, max);
    }

    public static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j];
            }
        }
        return out;
    }
}

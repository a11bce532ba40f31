package org.quotelab.ml.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.unfamiliar.FeatureStatistics;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.weights.NoGrad;
import org.quotelab.ml.model.QuoteClassifiers;
import org.quotelab.ml.versions.FeatureStatisticsFile;
import org.quotelab.ml.versions.ModelVersions;

/**
 * A saved version opened for scoring: class probabilities of texts in the order of its label map.
 * Callers on several threads take turns, so one loaded copy can serve every job
 * ({@link LoadedModels}); close it when no one needs it.
 */
public final class VersionScorer implements AutoCloseable {

    private final ClassifierModel model;
    private final LabelMap labels;
    private final int batchSize;
    private final FeatureStatistics statistics;

    private VersionScorer(ClassifierModel model, LabelMap labels, int batchSize, FeatureStatistics statistics) {
        this.model = model;
        this.labels = labels;
        this.batchSize = batchSize;
        this.statistics = statistics;
    }

    public static VersionScorer open(Path version, int maxLength, int batchSize, ComputeDevice device) throws IOException {
        LabelMap labels = ModelVersions.labels(version);
        return new VersionScorer(QuoteClassifiers.fromFolder(version, labels.size(), 0, maxLength, device), labels, batchSize,
                FeatureStatisticsFile.read(version).orElse(null));
    }

    /** The version's feature statistics for the unfamiliar score; null when it has none. */
    public FeatureStatistics statistics() {
        return statistics;
    }

    /** Probabilities and encoder features of one forward pass per batch. */
    public synchronized Scores scores(List<String> texts) {
        if (texts.isEmpty()) {
            return new Scores(new float[0][], new float[0][]);
        }
        try (NoGrad off = NoGrad.enter()) {
            return Scorer.scoreWithFeatures(model.net(), model.encoder().encodeAll(texts, null), batchSize);
        }
    }

    /** Mahalanobis distance of each scored text from the training quotes; null without statistics. */
    public double[] unfamiliar(Scores scores) {
        if (statistics == null || !scores.hasFeatures()) {
            return null;
        }
        double[] d = new double[scores.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = statistics.distance(scores.features()[i]);
        }
        return d;
    }

    public LabelMap labels() {
        return labels;
    }

    public synchronized float[][] probabilities(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        // grad mode is on in job threads: without this every forward pass would record a graph
        try (NoGrad off = NoGrad.enter()) {
            return Scorer.score(model.net(), model.encoder().encodeAll(texts, null), batchSize).probabilities();
        }
    }

    /** False once closed: its weights are freed. */
    public boolean isOpen() {
        return model.net().manager().isOpen();
    }

    @Override
    public void close() {
        model.close();
    }
}

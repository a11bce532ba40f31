package org.quotelab.service.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.ReportJson;
import org.quotelab.domain.unfamiliar.FeatureStatistics;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.infer.Scores;
import org.quotelab.ml.infer.VersionScorer;

/**
 * One model version folder used directly, without the store: its labels, a report or predictions
 * on given texts, and a copy for Python transformers. Behind {@code quotelab evaluate / predict /
 * export-hf}; the stored cascade is evaluated by {@code service.evaluation} instead.
 */
public final class VersionFolders {

    /**
     * Per text: the index of the predicted label, the probability of every label, and the
     * unfamiliar score (Mahalanobis distance from the training quotes) with the version's
     * cut-off; {@code unfamiliar} is null and the cut-off NaN when the version has no feature
     * statistics.
     */
    public record Predictions(int[] predicted, float[][] probabilities, double[] unfamiliar, double unfamiliarCutoff) {

        public Predictions(int[] predicted, float[][] probabilities) {
            this(predicted, probabilities, null, Double.NaN);
        }

        /** Text i's score, null when unknown. */
        public Double unfamiliar(int i) {
            return unfamiliar == null ? null : unfamiliar[i];
        }

        /** Whether text i lies beyond the cut-off, null when unknown. */
        public Boolean unfamiliarFlag(int i) {
            return unfamiliar == null ? null : unfamiliar[i] > unfamiliarCutoff;
        }
    }

    private VersionFolders() {
    }

    /** The version's labels in output order; fails fast on a folder that is not a version. */
    public static List<String> labels(Path model) throws IOException {
        return ModelVersions.labels(model).labels();
    }

    /** The classification report of {@code model} on texts with known labels (each one of {@code labels}). */
    public static ClassificationReport evaluate(Path model, List<String> labels, List<String> texts,
            List<String> truth, int maxLength, int batchSize) throws IOException {
        try (ClassifierModel m = BertModels.load(model, maxLength, ComputeDevice.AUTO)) {
            int[] y = new LabelMap(labels).indexes(truth);
            return Scorer.evaluate(m.net(), m.encoder().encodeAll(texts, y), labels, batchSize);
        }
    }

    /** The report as JSON-ready values: accuracy, macro_f1, weighted_f1, per_class. */
    public static Map<String, Object> reportJson(ClassificationReport report) {
        return ReportJson.of(report);
    }

    /** Probabilities and unfamiliar scores of the texts, from one forward pass per batch. */
    public static Predictions predict(Path model, List<String> texts, int maxLength, int batchSize)
            throws IOException {
        try (VersionScorer scorer = VersionScorer.open(model, maxLength, batchSize, ComputeDevice.AUTO)) {
            Scores scores = scorer.scores(texts);
            FeatureStatistics stats = scorer.statistics();
            return new Predictions(scores.predicted(), scores.probabilities(), scorer.unfamiliar(scores),
                    stats == null ? Double.NaN : stats.cutoff());
        }
    }

    /** Writes the version's Hugging Face files (config.json, model.safetensors, tokenizer) into a new folder. */
    public static void exportHf(Path model, Path out) throws IOException {
        ModelVersions.exportHf(model, out);
    }
}

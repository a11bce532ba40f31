package org.quotelab.ml.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.model.QuoteClassifiers;
import org.quotelab.ml.versions.ModelVersions;

/**
 * A saved version opened for scoring: class probabilities of texts in the order of its label map.
 * Not thread-safe; open one per worker and close it when done.
 */
public final class VersionScorer implements AutoCloseable {

    private final ClassifierModel model;
    private final LabelMap labels;
    private final int batchSize;

    private VersionScorer(ClassifierModel model, LabelMap labels, int batchSize) {
        this.model = model;
        this.labels = labels;
        this.batchSize = batchSize;
    }

    public static VersionScorer open(Path version, int maxLength, int batchSize, ComputeDevice device) throws IOException {
        LabelMap labels = ModelVersions.labels(version);
        return new VersionScorer(QuoteClassifiers.fromFolder(version, labels.size(), 0, maxLength, device), labels,
                batchSize);
    }

    public LabelMap labels() {
        return labels;
    }

    public float[][] probabilities(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        return Scorer.score(model.net(), model.encoder().encodeAll(texts, null), batchSize).probabilities();
    }

    @Override
    public void close() {
        model.close();
    }
}

package org.quotelab.ml.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.model.NoGrad;
import org.quotelab.ml.model.QuoteClassifiers;
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

    private VersionScorer(ClassifierModel model, LabelMap labels, int batchSize) {
        this.model = model;
        this.labels = labels;
        this.batchSize = batchSize;
    }

    public static VersionScorer open(Path version, int maxLength, int batchSize) throws IOException {
        LabelMap labels = ModelVersions.labels(version);
        return new VersionScorer(QuoteClassifiers.fromFolder(version, labels.size(), 0, maxLength), labels, batchSize);
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

package org.quotelab.service.continual;

import java.io.IOException;
import java.util.List;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.model.QuoteClassifiers;
import org.quotelab.ml.bert.BertConfig;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.ml.infer.Scorer;

/**
 * Embeddings of the pretrained encoder (not of a fine-tuned version), so the reference space
 * stays the same across updates and reference embeddings remain comparable. Callers on several
 * threads take turns.
 */
public final class BertEmbedder implements Embedder, AutoCloseable {

    /** The bundled encoder's key among the {@link LoadedModels}. */
    static final String BUNDLED_KEY = "bundled all-MiniLM-L6-v2 encoder";

    /** A hold on the shared bundled encoder; closing it lets go of the hold, not of the model. */
    public static final class Shared implements Embedder, AutoCloseable {
        private final LoadedModels.Lease<BertEmbedder> lease;

        private Shared(LoadedModels.Lease<BertEmbedder> lease) {
            this.lease = lease;
        }

        @Override
        public synchronized float[][] embed(List<String> texts) {
            return lease.model().embed(texts);
        }

        @Override
        public void close() {
            lease.close();
        }
    }

    private final QuoteClassifier classifier;
    private final Scorer scorer;

    private BertEmbedder(QuoteClassifier classifier) {
        this.classifier = classifier;
        this.scorer = new Scorer(classifier, 32);
    }

    /** The bundled all-MiniLM-L6-v2 sentence encoder. */
    public static BertEmbedder bundled() throws IOException {
        return new BertEmbedder(QuoteClassifiers.bundledMiniLm(2, 0, 128, ComputeDevice.AUTO));
    }

    /** The bundled encoder from {@code models}: loaded once and kept while it is among the recently used. */
    public static Shared shared(LoadedModels models) throws IOException {
        return new Shared(models.acquire(BUNDLED_KEY, BertEmbedder::bundled));
    }

    /** A small random BERT: fast, for tests of the plumbing and of false alarms. */
    public static BertEmbedder tiny(long seed) throws IOException {
        return new BertEmbedder(QuoteClassifiers.tinyRandom(BertConfig.tiny(30522), false, 2, seed,
                ComputeDevice.AUTO));
    }

    @Override
    public synchronized float[][] embed(List<String> texts) {
        return scorer.embeddings(texts);
    }

    @Override
    public void close() {
        classifier.close();
    }
}

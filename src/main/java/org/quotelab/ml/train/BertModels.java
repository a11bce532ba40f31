package org.quotelab.ml.train;

import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.Devices;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.model.ModelFactory;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.model.QuoteClassifiers;
import org.quotelab.ml.bert.BertClassifier;
import org.quotelab.ml.bert.BertConfig;
import org.quotelab.ml.text.QuoteTokenizer;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.weights.OnnxWeights;
import org.quotelab.ml.weights.RandomWeights;
import org.quotelab.ml.weights.WeightLoader;
import org.quotelab.ml.weights.WeightSource;

/**
 * Opens the BERT classifiers the trainer fits: the bundled all-MiniLM-L6-v2, a small random BERT,
 * a Hugging Face folder or a saved version (to continue training or to score).
 *
 * <p>By default new models get the [CLS] pooler of BertForSequenceClassification even when the
 * checkpoint has none (the bundled ONNX graph drops it): it starts random, as in transformers, so
 * that an exported version computes exactly what AutoModelForSequenceClassification computes.
 * {@link TrainingConfig#clsPooler()} false gives mean pooling instead (config.json then says
 * quotelab_pooling = mean, which transformers ignores).
 */
public final class BertModels {

    public static final String BUNDLED = "bundled";
    public static final String TINY = "tiny";
    private static final Set<String> NEW_HEAD = Set.of("classifier.weight", "classifier.bias",
            "pooler.dense.weight", "pooler.dense.bias");

    private BertModels() {
    }

    /** Opens base models on {@code device}: what a fine-tune on that device starts from. */
    public static FineTuneRun.ModelSource on(ComputeDevice device) {
        return (base, numLabels, cfg) -> open(base, numLabels, cfg, device);
    }

    /** A base model for a new fine-tune on {@code device}; a version folder continues from its weights and head. */
    public static ClassifierModel open(String base, int numLabels, TrainingConfig cfg, ComputeDevice device)
            throws IOException {
        if (BUNDLED.equals(base)) {
            BertConfig config = withDropout(BertConfig.miniLmL6(), cfg.dropout());
            WeightSource weights;
            try (InputStream raw = QuoteClassifiers.class.getResourceAsStream(QuoteClassifiers.BUNDLED_ONNX)) {
                if (raw == null) {
                    throw new IOException("bundled model " + QuoteClassifiers.BUNDLED_ONNX + " is not on the classpath");
                }
                weights = OnnxWeights.read(new BufferedInputStream(raw, 1 << 16), QuoteClassifiers.BUNDLED_NAME);
            }
            return build(QuoteClassifiers.BUNDLED_NAME, config, weights, cfg.clsPooler(), numLabels, cfg.seed(),
                    Math.min(cfg.maxLength(), config.maxPositionEmbeddings()), device);
        }
        if (TINY.equals(base)) {
            BertConfig config = withDropout(BertConfig.tiny(30522), cfg.dropout());
            return build("tiny-bert", config, null, cfg.clsPooler(), numLabels, cfg.seed(),
                    Math.min(cfg.maxLength(), config.maxPositionEmbeddings()), device);
        }
        Path dir = Path.of(base);
        return QuoteClassifiers.fromFolder(dir, numLabels, cfg.seed(), cfg.maxLength(), device);
    }

    /** A saved version or exported folder on {@code device}, ready to score. */
    public static ClassifierModel load(Path dir, int maxLength, ComputeDevice device) throws IOException {
        LabelMap labels = ModelVersions.labels(dir);
        return QuoteClassifiers.fromFolder(dir, labels.size(), 0, maxLength, device);
    }

    /** Loader for {@link ModelVersions#load}: builds from config.json on {@code device}, weights assigned afterwards. */
    public static ModelFactory factory(int maxLength, ComputeDevice device) {
        return (dir, numLabels) -> QuoteClassifiers.fromFolder(dir, numLabels, 0, maxLength, device);
    }

    /** The parent recorded in provenance: the base folder when it is a saved version. */
    public static String parentVersion(String base) {
        if (BUNDLED.equals(base) || TINY.equals(base)) {
            return null;
        }
        Path dir = Path.of(base);
        return Files.exists(dir.resolve(ModelVersions.PROVENANCE)) ? dir.toAbsolutePath().normalize().toString() : null;
    }

    private static ClassifierModel build(String name, BertConfig config, WeightSource weights, boolean pooler,
                                         int numLabels,
                                         long seed, int maxTokens, ComputeDevice device) throws IOException {
        Model model = Model.newInstance(name, Devices.pick(device));
        try {
            BertClassifier block = new BertClassifier(config, pooler, numLabels);
            model.setBlock(block);
            Shape shape = new Shape(1, 8);
            block.initialize(model.getNDManager(), DataType.FLOAT32, shape, shape, shape);
            Map<String, Parameter> params = block.hfParameters();
            Map<String, Parameter> fresh = new LinkedHashMap<>();
            if (weights == null) {
                fresh.putAll(params);
            } else {
                Set<String> loaded = WeightLoader.load(params, weights, NEW_HEAD);
                params.forEach((k, v) -> {
                    if (!loaded.contains(WeightLoader.canonical(k))) {
                        fresh.put(k, v);
                    }
                });
            }
            RandomWeights.apply(fresh, seed);
            QuoteTokenizer tokenizer = QuoteTokenizer.bundled(maxTokens);
            return new QuoteClassifier(model, block, tokenizer, name);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    static BertConfig withDropout(BertConfig c, double dropout) {
        return new BertConfig(c.vocabSize(), c.hiddenSize(), c.numHiddenLayers(), c.numAttentionHeads(),
                c.intermediateSize(), c.maxPositionEmbeddings(), c.typeVocabSize(), c.layerNormEps(),
                (float) dropout, (float) dropout);
    }
}

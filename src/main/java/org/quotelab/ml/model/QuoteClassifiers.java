package org.quotelab.ml.model;

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
import org.quotelab.ml.bert.BertClassifier;
import org.quotelab.ml.bert.BertConfig;
import org.quotelab.ml.text.QuoteTokenizer;
import org.quotelab.ml.weights.OnnxWeights;
import org.quotelab.ml.weights.RandomWeights;
import org.quotelab.ml.weights.SafetensorsReader;
import org.quotelab.ml.weights.WeightLoader;
import org.quotelab.ml.weights.WeightSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds {@link QuoteClassifier}s: bundled MiniLM, a Hugging Face folder, or a tiny random BERT. */
public final class QuoteClassifiers {
    private static final Logger LOG = LoggerFactory.getLogger(QuoteClassifiers.class);

    public static final String BUNDLED_ONNX = "/all-minilm-l6-v2.onnx";
    public static final String BUNDLED_NAME = "all-MiniLM-L6-v2";
    private static final Set<String> HEAD = Set.of("classifier.weight", "classifier.bias");

    private QuoteClassifiers() {
    }

    /** The bundled all-MiniLM-L6-v2 encoder with a new classification head seeded by seed, on {@code device}. */
    public static QuoteClassifier bundledMiniLm(int numLabels, long seed, int maxTokens, ComputeDevice device)
            throws IOException {
        return bundledMiniLm(BertConfig.miniLmL6(), numLabels, seed, maxTokens, device);
    }

    /**
     * As above with the caller's config, e.g. other dropout rates for fine-tuning; the sizes must
     * be MiniLM's or loading fails with the mismatching tensor named.
     */
    public static QuoteClassifier bundledMiniLm(BertConfig config, int numLabels, long seed, int maxTokens,
            ComputeDevice device) throws IOException {
        long t0 = System.nanoTime();
        WeightSource weights;
        try (InputStream raw = QuoteClassifiers.class.getResourceAsStream(BUNDLED_ONNX)) {
            if (raw == null) {
                throw new IOException("bundled model " + BUNDLED_ONNX + " is not on the classpath");
            }
            weights = OnnxWeights.read(new BufferedInputStream(raw, 1 << 16), BUNDLED_NAME + " (ONNX)");
        }
        QuoteClassifier c = build(config, weights, numLabels, seed,
                QuoteTokenizer.bundled(maxTokens), BUNDLED_NAME, device);
        LOG.info("loaded {} in {} ms", BUNDLED_NAME, (System.nanoTime() - t0) / 1_000_000);
        return c;
    }

    /**
     * A local Hugging Face folder: config.json, model.safetensors and tokenizer.json (the bundled
     * tokenizer is used when the folder has none). A classifier head in the checkpoint must have
     * numLabels rows; without one the head starts random (seeded).
     */
    public static QuoteClassifier fromFolder(Path dir, int numLabels, long seed, int maxTokens, ComputeDevice device)
            throws IOException {
        BertConfig config = BertConfig.read(requireFile(dir.resolve("config.json")));
        Path tokenizerJson = dir.resolve("tokenizer.json");
        try (SafetensorsReader weights = SafetensorsReader.open(requireFile(dir.resolve("model.safetensors")))) {
            QuoteTokenizer tokenizer;
            if (Files.isRegularFile(tokenizerJson)) {
                tokenizer = QuoteTokenizer.fromFile(tokenizerJson, maxTokens);
            } else {
                LOG.warn("{} has no tokenizer.json; using the bundled {} tokenizer", dir, BUNDLED_NAME);
                tokenizer = QuoteTokenizer.bundled(maxTokens);
            }
            return build(config, weights, numLabels, seed, tokenizer, dir.toString(), device);
        }
    }

    /** A small randomly initialised BERT (seeded) with the bundled tokenizer, for fast tests. */
    public static QuoteClassifier tinyRandom(BertConfig config, boolean withPooler, int numLabels, long seed,
            ComputeDevice device) throws IOException {
        QuoteTokenizer tokenizer = QuoteTokenizer.bundled(QuoteTokenizer.DEFAULT_MAX_TOKENS);
        Model model = newModel("tiny-bert", withPooler, config, numLabels, device);
        BertClassifier block = (BertClassifier) model.getBlock();
        RandomWeights.apply(block.hfParameters(), seed);
        return new QuoteClassifier(model, block, tokenizer, "random tiny BERT (seed " + seed + ")");
    }

    private static QuoteClassifier build(BertConfig config, WeightSource weights, int numLabels, long seed,
            QuoteTokenizer tokenizer, String source, ComputeDevice device) throws IOException {
        boolean pooler = weights.shapes().keySet().stream()
                .anyMatch(n -> WeightLoader.canonical(n).equals("pooler.dense.weight"));
        Model model = newModel(source, pooler, config, numLabels, device);
        try {
            BertClassifier block = (BertClassifier) model.getBlock();
            Map<String, Parameter> params = block.hfParameters();
            Set<String> loaded = WeightLoader.load(params, weights, HEAD);
            if (!loaded.containsAll(HEAD)) {
                Map<String, Parameter> head = new LinkedHashMap<>();
                HEAD.forEach(n -> head.put(n, params.get(n)));
                RandomWeights.apply(head, seed);
                LOG.info("{}: new classification head with {} labels (seed {})", source, numLabels, seed);
            }
            LOG.info("{}: {} layers, hidden {}, {} pooling", source, config.numHiddenLayers(),
                    config.hiddenSize(), pooler ? "[CLS] pooler" : "mean");
            return new QuoteClassifier(model, block, tokenizer, source);
        } catch (IOException | RuntimeException e) {
            model.close();
            tokenizer.close();
            throw e;
        }
    }

    private static Model newModel(String name, boolean pooler, BertConfig config, int numLabels, ComputeDevice device) {
        Model model = Model.newInstance(name, Devices.pick(device));
        BertClassifier block = new BertClassifier(config, pooler, numLabels);
        model.setBlock(block);
        Shape shape = new Shape(1, 8);
        block.initialize(model.getNDManager(), DataType.FLOAT32, shape, shape, shape);
        return model;
    }

    private static Path requireFile(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new IOException("missing file " + p);
        }
        return p;
    }
}

package org.quotelab.ml.model;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.bert.BertClassifier;
import org.quotelab.ml.bert.BertConfig;
import org.quotelab.ml.text.QuoteTokenizer;
import org.quotelab.ml.weights.SafetensorsWriter;
import org.quotelab.ml.weights.TensorData;

/**
 * A BERT sequence classifier with its tokenizer, owning the DJL Model (and so every parameter
 * array). Build one with {@link QuoteClassifiers}; close it when done.
 */
public final class QuoteClassifier implements AutoCloseable {

    private final Model model;
    private final BertClassifier block;
    private final QuoteTokenizer tokenizer;
    private final String source;

    QuoteClassifier(Model model, BertClassifier block, QuoteTokenizer tokenizer, String source) {
        this.model = model;
        this.block = block;
        this.tokenizer = tokenizer;
        this.source = source;
    }

    /** The DJL model whose block is {@link #block()}; use it to create a Trainer. */
    public Model model() {
        return model;
    }

    public BertClassifier block() {
        return block;
    }

    public BertConfig config() {
        return block.encoder().config();
    }

    public int numLabels() {
        return block.numLabels();
    }

    public QuoteTokenizer tokenizer() {
        return tokenizer;
    }

    /** Where the weights came from, for logs and the UI. */
    public String source() {
        return source;
    }

    /** Parameters under BertForSequenceClassification names ("bert.…", "classifier.…"). */
    public Map<String, Parameter> hfParameters() {
        return block.hfParameters();
    }

    /** The architecture fields of config.json (labels are the caller's business). */
    public Map<String, Object> hfConfig() {
        return config().toHfConfig();
    }

    /** The tokenizer.json this classifier tokenizes with. */
    public byte[] tokenizerJson() {
        return tokenizer.tokenizerJson();
    }

    /**
     * Writes a folder that {@link QuoteClassifiers#fromFolder} and Hugging Face transformers can
     * load: config.json, model.safetensors, tokenizer.json.
     */
    public void saveFolder(Path dir, Map<String, String> metadata) throws IOException {
        Files.createDirectories(dir);
        saveSafetensors(dir.resolve("model.safetensors"), metadata);
        config().write(dir.resolve("config.json"), numLabels());
        Files.write(dir.resolve("tokenizer.json"), tokenizerJson());
    }

    /** Writes all weights as a Hugging Face compatible model.safetensors (atomically). */
    public void saveSafetensors(Path file, Map<String, String> metadata) throws IOException {
        List<TensorData> tensors = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : hfParameters().entrySet()) {
            Parameter p = e.getValue();
            tensors.add(new TensorData(e.getKey(), p.getShape().getShape(), p.getArray().toFloatArray()));
        }
        SafetensorsWriter.write(file, tensors, metadata);
    }

    @Override
    public void close() {
        try {
            model.close();
        } finally {
            tokenizer.close();
        }
    }
}

package org.quotelab.ml.model;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.bert.BertClassifier;
import org.quotelab.ml.bert.BertConfig;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.text.QuoteTokenizer;
import org.quotelab.ml.text.TextEncoder;
import org.quotelab.ml.weights.SafetensorsWriter;
import org.quotelab.ml.weights.TensorData;

/**
 * A BERT sequence classifier with its tokenizer, owning the DJL Model (and so every parameter
 * array): the one model type that is trained, saved as a version and scored. Build one with
 * {@link QuoteClassifiers} or {@code ml.train.BertModels}; close it when done.
 */
public final class QuoteClassifier implements ClassifierModel {

    private final Model model;
    private final BertClassifier block;
    private final QuoteTokenizer tokenizer;
    private final String source;
    private final ClassifierNet net;

    public QuoteClassifier(Model model, BertClassifier block, QuoteTokenizer tokenizer, String source) {
        this.model = model;
        this.block = block;
        this.tokenizer = tokenizer;
        this.source = source;
        this.net = new ClassifierNet(block, model.getNDManager(), block.numLabels());
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

    /** The block, its manager and its number of classes, as the trainer and scorer see them. */
    @Override
    public ClassifierNet net() {
        return net;
    }

    /** Parameters under BertForSequenceClassification names ("bert.…", "classifier.…"). */
    @Override
    public Map<String, Parameter> hfParameters() {
        return block.hfParameters();
    }

    /** The architecture fields of a version's config.json (labels are added on save). */
    @Override
    public Map<String, Object> hfConfig() {
        BertConfig config = config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_type", "bert");
        m.put("vocab_size", config.vocabSize());
        m.put("hidden_size", config.hiddenSize());
        m.put("num_hidden_layers", config.numHiddenLayers());
        m.put("num_attention_heads", config.numAttentionHeads());
        m.put("intermediate_size", config.intermediateSize());
        m.put("hidden_act", "gelu");
        m.put("hidden_dropout_prob", config.hiddenDropoutProb());
        m.put("attention_probs_dropout_prob", config.attentionProbsDropoutProb());
        m.put("max_position_embeddings", config.maxPositionEmbeddings());
        m.put("type_vocab_size", config.typeVocabSize());
        m.put("initializer_range", 0.02);
        m.put("layer_norm_eps", config.layerNormEps());
        m.put("pad_token_id", 0);
        m.put("position_embedding_type", "absolute");
        m.put("classifier_dropout", null);
        m.put("quotelab_pooling", block.encoder().hasPooler() ? "cls_pooler" : "mean");
        return m;
    }

    /** Token ids with special tokens, truncated, not padded, as the trainer encodes examples. */
    @Override
    public TextEncoder encoder() {
        return new TextEncoder() {
            @Override
            public EncodedExample encode(String text, int label) {
                QuoteTokenizer.Tokens t = tokenizer.tokenize(text);
                return new EncodedExample(t.ids(), t.typeIds(), label);
            }

            @Override
            public List<EncodedExample> encodeAll(List<String> texts, int[] labels) {
                List<QuoteTokenizer.Tokens> tokens = tokenizer.tokenize(texts);
                List<EncodedExample> out = new ArrayList<>(tokens.size());
                for (int i = 0; i < tokens.size(); i++) {
                    QuoteTokenizer.Tokens t = tokens.get(i);
                    out.add(new EncodedExample(t.ids(), t.typeIds(), labels == null ? -1 : labels[i]));
                }
                return out;
            }
        };
    }

    /** The tokenizer.json this classifier tokenizes with. */
    @Override
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

package org.quotelab.ml.bert;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.Json;

/** The sizes of a BERT encoder, as in a Hugging Face config.json. */
public record BertConfig(
        int vocabSize,
        int hiddenSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int intermediateSize,
        int maxPositionEmbeddings,
        int typeVocabSize,
        float layerNormEps,
        float hiddenDropoutProb,
        float attentionProbsDropoutProb) {

    public BertConfig {
        requirePositive("vocab_size", vocabSize);
        requirePositive("hidden_size", hiddenSize);
        requirePositive("num_hidden_layers", numHiddenLayers);
        requirePositive("num_attention_heads", numAttentionHeads);
        requirePositive("intermediate_size", intermediateSize);
        requirePositive("max_position_embeddings", maxPositionEmbeddings);
        requirePositive("type_vocab_size", typeVocabSize);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize
                    + " is not a multiple of num_attention_heads " + numAttentionHeads);
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("layer_norm_eps must be > 0, got " + layerNormEps);
        }
        requireProbability("hidden_dropout_prob", hiddenDropoutProb);
        requireProbability("attention_probs_dropout_prob", attentionProbsDropoutProb);
    }

    /** all-MiniLM-L6-v2, the bundled default model. */
    public static BertConfig miniLmL6() {
        return new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12f, 0.1f, 0.1f);
    }

    /** A very small encoder for fast unit tests. */
    public static BertConfig tiny(int vocabSize) {
        return new BertConfig(vocabSize, 32, 2, 4, 64, 512, 2, 1e-12f, 0.1f, 0.1f);
    }

    /** A tiny encoder over the bundled 30522-token vocabulary, so the bundled tokenizer fits it. */
    public static BertConfig tiny() {
        return tiny(30522);
    }

    /** The same sizes with dropout switched off (deterministic training-mode tests). */
    public BertConfig withoutDropout() {
        return new BertConfig(vocabSize, hiddenSize, numHiddenLayers, numAttentionHeads, intermediateSize,
                maxPositionEmbeddings, typeVocabSize, layerNormEps, 0f, 0f);
    }

    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    public static BertConfig read(Path configJson) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(configJson));
        } catch (IOException e) {
            throw new IOException("cannot read BERT config " + configJson + ": " + e.getMessage(), e);
        }
        return fromJson(root, configJson.toString());
    }

    static BertConfig fromJson(JsonNode root, String source) throws IOException {
        if (root == null || !root.isObject()) {
            throw new IOException(source + ": config.json is not a JSON object");
        }
        String act = root.path("hidden_act").asText("gelu");
        if (!"gelu".equals(act)) {
            throw new IOException(source + ": hidden_act '" + act + "' is not supported, only exact gelu");
        }
        try {
            return new BertConfig(
                    intField(root, "vocab_size", source),
                    intField(root, "hidden_size", source),
                    intField(root, "num_hidden_layers", source),
                    intField(root, "num_attention_heads", source),
                    intField(root, "intermediate_size", source),
                    intField(root, "max_position_embeddings", source),
                    root.path("type_vocab_size").asInt(2),
                    (float) root.path("layer_norm_eps").asDouble(1e-12),
                    (float) root.path("hidden_dropout_prob").asDouble(0.1),
                    (float) root.path("attention_probs_dropout_prob").asDouble(0.1));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    /** The architecture fields of a Hugging Face config.json, in the usual order. */
    public Map<String, Object> toHfConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_type", "bert");
        m.put("vocab_size", vocabSize);
        m.put("hidden_size", hiddenSize);
        m.put("num_hidden_layers", numHiddenLayers);
        m.put("num_attention_heads", numAttentionHeads);
        m.put("intermediate_size", intermediateSize);
        m.put("max_position_embeddings", maxPositionEmbeddings);
        m.put("type_vocab_size", typeVocabSize);
        m.put("layer_norm_eps", layerNormEps);
        m.put("hidden_dropout_prob", hiddenDropoutProb);
        m.put("attention_probs_dropout_prob", attentionProbsDropoutProb);
        m.put("hidden_act", "gelu");
        return m;
    }

    /** Writes a config.json for BertForSequenceClassification with numLabels outputs. */
    public void write(Path configJson, int numLabels) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architectures", List.of("BertForSequenceClassification"));
        m.putAll(toHfConfig());
        m.put("num_labels", numLabels);
        Files.createDirectories(configJson.toAbsolutePath().getParent());
        Json.PRETTY.writeValue(configJson.toFile(), m);
    }

    private static int intField(JsonNode root, String name, String source) throws IOException {
        JsonNode n = root.get(name);
        if (n == null || !n.canConvertToInt()) {
            throw new IOException(source + ": missing or non-integer field '" + name + "'");
        }
        return n.intValue();
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    private static void requireProbability(String name, float p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + p);
        }
    }
}

package org.quotelab.ml.model;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.bert.BertClassifier;
import org.quotelab.ml.bert.BertConfig;
import org.quotelab.ml.text.QuoteTokenizer;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.text.TextEncoder;

/** The BERT core's classifier seen as a {@link ClassifierModel}; closes its model and tokenizer. */
public final class BertModel implements ClassifierModel {

    private final Model model;
    private final BertClassifier block;
    private final QuoteTokenizer tokenizer;
    private final BertConfig config;
    private final byte[] tokenizerJson;
    private final ClassifierNet net;

    public BertModel(Model model, BertClassifier block, QuoteTokenizer tokenizer, BertConfig config, byte[] tokenizerJson) {
        this.model = model;
        this.block = block;
        this.tokenizer = tokenizer;
        this.config = config;
        this.tokenizerJson = tokenizerJson;
        this.net = new ClassifierNet(block, model.getNDManager(), block.numLabels());
    }

    @Override
    public ClassifierNet net() {
        return net;
    }

    @Override
    public Map<String, Parameter> hfParameters() {
        return block.hfParameters();
    }

    @Override
    public Map<String, Object> hfConfig() {
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

    @Override
    public byte[] tokenizerJson() {
        return tokenizerJson;
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

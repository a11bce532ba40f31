package org.quotelab.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sequence classification: pooled [CLS] when the encoder has a pooler, else masked mean pooling;
 * dropout; Linear(numLabels). Input NDList(inputIds, attentionMask, tokenTypeIds) -> NDList(logits [B,C]).
 */
public final class BertClassifier extends AbstractBlock {

    /** Prefix of encoder tensors in Hugging Face BertForSequenceClassification checkpoints. */
    public static final String ENCODER_PREFIX = "bert.";

    private final BertEncoder encoder;
    private final Dropout dropout;
    private final Linear classifier;
    private final int numLabels;

    public BertClassifier(BertConfig config, boolean withPooler, int numLabels) {
        if (numLabels < 1) {
            throw new IllegalArgumentException("numLabels must be >= 1, got " + numLabels);
        }
        this.numLabels = numLabels;
        encoder = addChildBlock("bert", new BertEncoder(config, withPooler));
        dropout = addChildBlock("dropout", Dropout.builder().optRate(config.hiddenDropoutProb()).build());
        classifier = addChildBlock("classifier", Linear.builder().setUnits(numLabels).build());
    }

    public BertEncoder encoder() {
        return encoder;
    }

    public int numLabels() {
        return numLabels;
    }

    /**
     * All parameters keyed by BertForSequenceClassification names: "bert."-prefixed encoder
     * tensors plus classifier.weight / classifier.bias. Used for loading and export.
     */
    public Map<String, Parameter> hfParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        encoder.hfParameters().forEach((k, v) -> out.put(ENCODER_PREFIX + k, v));
        HfParameters.linear(out, "classifier", classifier);
        return Collections.unmodifiableMap(out);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList encoded = encoder.forward(ps, inputs, training);
        NDArray pooled = encoder.hasPooler()
                ? encoded.get(1)
                : Pooling.meanPool(encoded.get(0), inputs.get(1));
        NDArray dropped = Scalars.dropout(dropout, ps, pooled, training);
        return classifier.forward(ps, new NDList(dropped), training);
    }

    /**
     * Inference that also returns the features the unfamiliar score measures, from the same pass:
     * NDList(logits [B,C], masked mean of the last hidden state [B,H]).
     */
    public NDList forwardWithFeatures(ParameterStore ps, NDList inputs) {
        NDList encoded = encoder.forward(ps, inputs, false);
        NDArray mean = Pooling.meanPool(encoded.get(0), inputs.get(1));
        NDArray pooled = encoder.hasPooler() ? encoded.get(1) : mean;
        return new NDList(classifier.forward(ps, new NDList(pooled), false).head(), mean);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numLabels)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape pooled = new Shape(inputShapes[0].get(0), encoder.config().hiddenSize());
        dropout.initialize(manager, dataType, pooled);
        classifier.initialize(manager, dataType, pooled);
    }
}

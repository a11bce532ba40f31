package org.quotelab.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face BertModel: embeddings, N encoder layers and an optional pooler.
 * Input NDList(inputIds [B,T] int64, attentionMask [B,T], tokenTypeIds [B,T] int64);
 * output NDList(sequence [B,T,H]) plus pooled [B,H] when the pooler is present.
 */
public final class BertEncoder extends AbstractBlock {

    private final BertConfig config;
    private final BertEmbeddings embeddings;
    private final List<BertLayer> layers = new ArrayList<>();
    private final Linear pooler;

    public BertEncoder(BertConfig config, boolean withPooler) {
        this.config = config;
        embeddings = addChildBlock("embeddings", new BertEmbeddings(config));
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            layers.add(addChildBlock("layer" + i, new BertLayer(config)));
        }
        pooler = withPooler ? addChildBlock("pooler", Linear.builder().setUnits(config.hiddenSize()).build()) : null;
    }

    public BertConfig config() {
        return config;
    }

    public boolean hasPooler() {
        return pooler != null;
    }

    /** Parameters keyed by Hugging Face BertModel names (no "bert." prefix), in model order. */
    public Map<String, Parameter> hfParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        embeddings.collectParameters("embeddings", out);
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).collectParameters("encoder.layer." + i, out);
        }
        if (pooler != null) {
            HfParameters.linear(out, "pooler.dense", pooler);
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray types = inputs.get(2);
        NDArray hidden = embeddings.forward(ps, new NDList(ids, types), training).head();
        // A batch without padding (always the case for a single quote) needs no mask at all.
        NDArray additive = training || hasPadding(mask) ? additiveMask(mask) : null;
        for (BertLayer layer : layers) {
            NDList in = additive == null ? new NDList(hidden) : new NDList(hidden, additive);
            hidden = layer.forward(ps, in, training).head();
        }
        if (pooler == null) {
            return new NDList(hidden);
        }
        NDArray cls = hidden.get(new NDIndex(":, 0, :"));
        NDArray pooled = Activation.tanh(pooler.forward(ps, new NDList(cls), training).head());
        return new NDList(hidden, pooled);
    }

    private static boolean hasPadding(NDArray mask) {
        return mask.getShape().size() != mask.toType(DataType.INT64, false).sum().getLong();
    }

    /** [B,T] 1/0 mask -> [B,1,1,T] with 0 for real tokens and the float minimum for padding, as HF. */
    static NDArray additiveMask(NDArray mask) {
        NDManager batch = mask.getManager();
        Shape s = mask.getShape();
        NDArray m = mask.toType(DataType.FLOAT32, false);
        NDArray additive = m.sub(Scalars.of(batch, 1f)).mul(Scalars.of(batch, Float.MAX_VALUE));
        return additive.reshape(s.get(0), 1, 1, s.get(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        Shape seq = new Shape(ids.get(0), ids.get(1), config.hiddenSize());
        if (pooler == null) {
            return new Shape[] {seq};
        }
        return new Shape[] {seq, new Shape(ids.get(0), config.hiddenSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        embeddings.initialize(manager, dataType, ids, ids);
        Shape hidden = new Shape(ids.get(0), ids.get(1), config.hiddenSize());
        Shape mask = new Shape(ids.get(0), 1, 1, ids.get(1));
        for (BertLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, mask);
        }
        if (pooler != null) {
            pooler.initialize(manager, dataType, new Shape(ids.get(0), config.hiddenSize()));
        }
    }
}

package org.quotelab.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.quotelab.ml.model.ClassifierNet;

/**
 * A small real DJL classifier with the BERT classifier's signature: embedding lookup, masked mean,
 * tanh hidden layer, dropout, linear head. Parameter names follow HF style so the weight-decay
 * rule sees biases and a LayerNorm-free model.
 */
public final class TinyClassifier extends AbstractBlock {

    private final Parameter embedding;
    private final Parameter hiddenWeight;
    private final Parameter hiddenBias;
    private final Parameter outWeight;
    private final Parameter outBias;
    private float dropout;

    public TinyClassifier(NDManager manager, int vocab, int dim, int classes, float dropout) {
        this.dropout = dropout;
        embedding = param("embeddings.word_embeddings.weight", Parameter.Type.WEIGHT,
                manager.randomNormal(0f, 0.1f, new Shape(vocab, dim), DataType.FLOAT32));
        hiddenWeight = param("pooler.dense.weight", Parameter.Type.WEIGHT,
                manager.randomNormal(0f, 0.1f, new Shape(dim, dim), DataType.FLOAT32));
        hiddenBias = param("pooler.dense.bias", Parameter.Type.BIAS, manager.zeros(new Shape(dim)));
        outWeight = param("classifier.weight", Parameter.Type.WEIGHT,
                manager.randomNormal(0f, 0.1f, new Shape(classes, dim), DataType.FLOAT32));
        outBias = param("classifier.bias", Parameter.Type.BIAS, manager.zeros(new Shape(classes)));
    }

    private Parameter param(String name, Parameter.Type type, NDArray value) {
        Parameter p = Parameter.builder().setName(name).setType(type).optArray(value).build();
        p.getArray().setRequiresGradient(true);
        return addParameter(p);
    }

    public void dropout(float rate) {
        dropout = rate;
    }

    /** Builds one on a seeded engine so that its random weights are reproducible. */
    public static ClassifierNet create(NDManager manager, int classes, long seed) {
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
        return new ClassifierNet(new TinyClassifier(manager, TinyEncoder.VOCAB, 32, classes, 0.1f), manager, classes);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1).toType(DataType.FLOAT32, false).expandDims(2);
        NDArray emb = Embedding.embedding(ids, store.getValue(embedding, ids.getDevice(), training),
                SparseFormat.DENSE).head();
        NDArray mean = emb.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}));
        NDArray hidden = Linear.linear(mean, store.getValue(hiddenWeight, ids.getDevice(), training),
                store.getValue(hiddenBias, ids.getDevice(), training)).head().tanh();
        hidden = Dropout.dropout(hidden, dropout, training).head();
        return Linear.linear(hidden, store.getValue(outWeight, ids.getDevice(), training),
                store.getValue(outBias, ids.getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outWeight.getArray().getShape().get(0))};
    }
}

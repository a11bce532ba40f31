package org.quotelab.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.Map;

/** Word + position + token-type embeddings, LayerNorm, dropout (BertEmbeddings in HF). */
public final class BertEmbeddings extends AbstractBlock {

    private final BertConfig config;
    private final Parameter wordEmbeddings;
    private final Parameter positionEmbeddings;
    private final Parameter tokenTypeEmbeddings;
    private final LayerNorm layerNorm;
    private final Dropout dropout;

    public BertEmbeddings(BertConfig config) {
        this.config = config;
        int h = config.hiddenSize();
        wordEmbeddings = addParameter(table("word_embeddings", config.vocabSize(), h));
        positionEmbeddings = addParameter(table("position_embeddings", config.maxPositionEmbeddings(), h));
        tokenTypeEmbeddings = addParameter(table("token_type_embeddings", config.typeVocabSize(), h));
        layerNorm = addChildBlock("LayerNorm",
                LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build());
        dropout = addChildBlock("dropout", Dropout.builder().optRate(config.hiddenDropoutProb()).build());
    }

    private static Parameter table(String name, int rows, int cols) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, cols))
                .optInitializer(new NormalInitializer(0.02f))
                .build();
    }

    void collectParameters(String prefix, Map<String, Parameter> out) {
        out.put(prefix + ".word_embeddings.weight", wordEmbeddings);
        out.put(prefix + ".position_embeddings.weight", positionEmbeddings);
        out.put(prefix + ".token_type_embeddings.weight", tokenTypeEmbeddings);
        HfParameters.layerNorm(out, prefix + ".LayerNorm", layerNorm);
    }

    /** inputs: inputIds [B,T] int64, tokenTypeIds [B,T] int64; output [B,T,H]. */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray types = inputs.get(1);
        long seqLen = ids.getShape().get(1);
        if (seqLen > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("sequence of " + seqLen
                    + " tokens is longer than max_position_embeddings " + config.maxPositionEmbeddings());
        }
        // Per-batch arrays come from the batch's manager so they are freed with the batch.
        NDManager batch = ids.getManager();
        NDArray positions = batch.arange(0, (int) seqLen, 1, DataType.INT64);
        NDArray word = lookup(ids, ps.getValue(wordEmbeddings, ids.getDevice(), training));
        NDArray pos = lookup(positions, ps.getValue(positionEmbeddings, ids.getDevice(), training));
        NDArray type = lookup(types, ps.getValue(tokenTypeEmbeddings, ids.getDevice(), training));
        NDArray sum = word.add(type).add(pos);
        NDList normed = layerNorm.forward(ps, new NDList(sum), training);
        return new NDList(Scalars.dropout(dropout, ps, normed.head(), training));
    }

    private static NDArray lookup(NDArray ids, NDArray table) {
        return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), config.hiddenSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape out = getOutputShapes(inputShapes)[0];
        layerNorm.initialize(manager, dataType, out);
        dropout.initialize(manager, dataType, out);
    }
}

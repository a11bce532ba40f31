package org.quotelab.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * One post-LayerNorm transformer layer exactly as Hugging Face's BertLayer: self-attention,
 * dense + dropout + residual + LayerNorm, then GELU feed-forward with the same wrap.
 */
public final class BertLayer extends AbstractBlock {

    private final BertConfig config;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Dropout attentionDropout;
    private final Linear attentionOutput;
    private final Dropout attentionOutputDropout;
    private final LayerNorm attentionNorm;
    private final Linear intermediate;
    private final Linear output;
    private final Dropout outputDropout;
    private final LayerNorm outputNorm;

    public BertLayer(BertConfig config) {
        this.config = config;
        int h = config.hiddenSize();
        query = addChildBlock("query", linear(h));
        key = addChildBlock("key", linear(h));
        value = addChildBlock("value", linear(h));
        attentionDropout = addChildBlock("attention_dropout", dropout(config.attentionProbsDropoutProb()));
        attentionOutput = addChildBlock("attention_output", linear(h));
        attentionOutputDropout = addChildBlock("attention_output_dropout", dropout(config.hiddenDropoutProb()));
        attentionNorm = addChildBlock("attention_norm", norm(config));
        intermediate = addChildBlock("intermediate", linear(config.intermediateSize()));
        output = addChildBlock("output", linear(h));
        outputDropout = addChildBlock("output_dropout", dropout(config.hiddenDropoutProb()));
        outputNorm = addChildBlock("output_norm", norm(config));
    }

    private static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    private static Dropout dropout(float rate) {
        return Dropout.builder().optRate(rate).build();
    }

    private static LayerNorm norm(BertConfig config) {
        return LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build();
    }

    void collectParameters(String prefix, Map<String, Parameter> out) {
        HfParameters.linear(out, prefix + ".attention.self.query", query);
        HfParameters.linear(out, prefix + ".attention.self.key", key);
        HfParameters.linear(out, prefix + ".attention.self.value", value);
        HfParameters.linear(out, prefix + ".attention.output.dense", attentionOutput);
        HfParameters.layerNorm(out, prefix + ".attention.output.LayerNorm", attentionNorm);
        HfParameters.linear(out, prefix + ".intermediate.dense", intermediate);
        HfParameters.linear(out, prefix + ".output.dense", output);
        HfParameters.layerNorm(out, prefix + ".output.LayerNorm", outputNorm);
    }

    /** inputs: hidden [B,T,H] and, unless nothing is padded, an additive mask [B,1,1,T] (0 keep, very negative drop). */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = inputs.get(0);
        NDArray additiveMask = inputs.size() > 1 ? inputs.get(1) : null;
        NDArray context = selfAttention(ps, hidden, additiveMask, training);
        NDArray attended = attentionOutput.forward(ps, new NDList(context), training).head();
        attended = Scalars.dropout(attentionOutputDropout, ps, attended, training);
        NDArray h1 = attentionNorm.forward(ps, new NDList(attended.add(hidden)), training).head();

        NDArray inner = intermediate.forward(ps, new NDList(h1), training).head();
        inner = Activation.gelu(inner);
        NDArray out = output.forward(ps, new NDList(inner), training).head();
        out = Scalars.dropout(outputDropout, ps, out, training);
        return outputNorm.forward(ps, new NDList(out.add(h1)), training);
    }

    private NDArray selfAttention(ParameterStore ps, NDArray hidden, NDArray additiveMask, boolean training) {
        NDList in = new NDList(hidden);
        NDArray q = heads(query.forward(ps, in, training).head());
        NDArray k = heads(key.forward(ps, in, training).head());
        NDArray v = heads(value.forward(ps, in, training).head());
        // The 1/sqrt(d) scale is a libtorch-owned scalar because q needs gradients (stack-facts.md);
        // scaling q [B,h,T,d] instead of the scores [B,h,T,T] is less work once T > d.
        NDArray scale = Scalars.of(hidden.getManager(), (float) (1.0 / Math.sqrt(config.headSize())));
        NDArray scores = q.mul(scale).matMul(k.transpose(0, 1, 3, 2));
        if (additiveMask != null) {
            NDArray masked = scores.add(additiveMask);
            scores.close();
            scores = masked;
        }
        NDArray probs = scores.softmax(-1);
        // Autograd keeps what backward needs (softmax keeps its output); the [B,h,T,T] scores
        // before it would otherwise stay alive until the batch's manager closes, twice per layer.
        scores.close();
        probs = Scalars.dropout(attentionDropout, ps, probs, training);
        NDArray context = probs.matMul(v).transpose(0, 2, 1, 3);
        Shape s = hidden.getShape();
        return context.reshape(s.get(0), s.get(1), config.hiddenSize());
    }

    /** [B,T,H] -> [B,heads,T,headSize]. */
    private NDArray heads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), config.numAttentionHeads(), config.headSize())
                .transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = inputShapes[0];
        Shape inner = new Shape(hidden.get(0), hidden.get(1), config.intermediateSize());
        for (Linear l : new Linear[] {query, key, value, attentionOutput, intermediate}) {
            l.initialize(manager, dataType, hidden);
        }
        output.initialize(manager, dataType, inner);
        Shape probs = new Shape(hidden.get(0), config.numAttentionHeads(), hidden.get(1), hidden.get(1));
        attentionDropout.initialize(manager, dataType, probs);
        attentionOutputDropout.initialize(manager, dataType, hidden);
        outputDropout.initialize(manager, dataType, hidden);
        attentionNorm.initialize(manager, dataType, hidden);
        outputNorm.initialize(manager, dataType, hidden);
    }
}

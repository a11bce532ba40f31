package org.quotelab.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ai.djl.nn.Block;
import ai.djl.util.Pair;

/** A parameter that receives gradients, with the weight-decay decision made once. */
public record TrainableParameter(String name, Parameter parameter, boolean decay) {

    public NDArray array() {
        return parameter.getArray();
    }

    /**
     * All gradient-carrying parameters of a block, in the block's stable order. Biases and
     * LayerNorm weights get no weight decay, as in Hugging Face's recipe; the decision uses the
     * parameter kind (BIAS, GAMMA, BETA) and, for blocks that name things the HF way, the name.
     */
    public static List<TrainableParameter> of(Block block) {
        List<TrainableParameter> out = new ArrayList<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (!p.requiresGradient()) {
                continue;
            }
            out.add(new TrainableParameter(pair.getKey(), p, decays(pair.getKey(), p.getType())));
        }
        return out;
    }

    static boolean decays(String name, Parameter.Type type) {
        if (type != Parameter.Type.WEIGHT) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return !(n.endsWith("bias") || n.contains("layernorm") || n.contains("layer_norm"));
    }
}

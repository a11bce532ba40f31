package org.quotelab.ml.bert;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.Map;

/**
 * Maps DJL's own parameter names (which carry child-number prefixes such as "01query") to
 * Hugging Face tensor names, so loading and safetensors export need no guessing.
 */
final class HfParameters {

    private HfParameters() {
    }

    static void linear(Map<String, Parameter> out, String prefix, Linear linear) {
        out.put(prefix + ".weight", direct(linear, "weight"));
        out.put(prefix + ".bias", direct(linear, "bias"));
    }

    static void layerNorm(Map<String, Parameter> out, String prefix, LayerNorm norm) {
        out.put(prefix + ".weight", direct(norm, "gamma"));
        out.put(prefix + ".bias", direct(norm, "beta"));
    }

    private static Parameter direct(Block block, String name) {
        Parameter p = block.getDirectParameters().get(name);
        if (p == null) {
            throw new IllegalStateException(block + " has no parameter " + name);
        }
        return p;
    }
}

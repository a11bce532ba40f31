package org.quotelab.ml.train;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer-wise learning-rate decay: lower layers, which hold the most general features, move
 * less. Encoder layer i of L gets decay^(L-1-i), the embeddings decay^L, the pooler and the
 * classifier head the full rate.
 */
public final class LayerDecay {

    private static final Pattern LAYER = Pattern.compile("(?:^|_)\\d*layer(\\d+)_");

    private LayerDecay() {
    }

    /** Learning-rate factors aligned with {@code params}; null when {@code decay} is 1. */
    public static double[] scales(List<TrainableParameter> params, double decay) {
        if (decay == 1.0) {
            return null;
        }
        int layers = 0;
        for (TrainableParameter p : params) {
            layers = Math.max(layers, layerOf(p.name()) + 1);
        }
        double[] s = new double[params.size()];
        for (int i = 0; i < s.length; i++) {
            String name = params.get(i).name();
            int layer = layerOf(name);
            if (layer >= 0) {
                s[i] = Math.pow(decay, layers - 1 - layer);
            } else if (name.contains("embeddings")) {
                s[i] = Math.pow(decay, layers);
            } else {
                s[i] = 1.0;
            }
        }
        return s;
    }

    /** The pooler and classifier: every parameter outside the embeddings and encoder layers. */
    public static List<TrainableParameter> head(List<TrainableParameter> params) {
        return params.stream().filter(p -> layerOf(p.name()) < 0 && !p.name().contains("embeddings")).toList();
    }

    static int layerOf(String name) {
        Matcher m = LAYER.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}

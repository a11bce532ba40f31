package org.quotelab.ml.weights;

import ai.djl.nn.Parameter;
import java.util.Map;
import java.util.Random;

/**
 * Seeded initialisation as Hugging Face BERT does it: normal(0, 0.02) for matrices and
 * embedding tables, ones for LayerNorm weights, zeros for biases. Each tensor draws from its own
 * generator seeded by (seed, name), so results do not depend on iteration order or on the
 * engine's global random state.
 */
public final class RandomWeights {

    private static final double STD = 0.02;

    private RandomWeights() {
    }

    public static void apply(Map<String, Parameter> parameters, long seed) {
        parameters.forEach((name, p) -> WeightLoader.assign(p, values(name, p.getShape().size(), seed)));
    }

    static float[] values(String name, long count, long seed) {
        float[] v = new float[Math.toIntExact(count)];
        if (name.endsWith(".bias")) {
            return v;
        }
        if (name.endsWith("LayerNorm.weight")) {
            java.util.Arrays.fill(v, 1f);
            return v;
        }
        Random r = new Random(seed * 1_000_003L + name.hashCode());
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * STD);
        }
        return v;
    }
}

package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientsTest {

    @Test
    void globalNormIsTheNormOfAllGradientsTogether() {
        double[][] g = {{3, -4}, {12}, {0, 0, 0}};
        // sqrt(9 + 16 + 144) = 13
        assertEquals(13.0, normOf(g), 1e-5);
    }

    @Test
    void globalNormIsNotFiniteWhenAnyGradientIsNot() {
        assertTrue(Double.isNaN(normOf(new double[][] {{1, Double.NaN}, {2}})));
        assertTrue(Double.isInfinite(normOf(new double[][] {{1}, {Double.POSITIVE_INFINITY, 2}})));
    }

    /** Gives each parameter w_i the gradient g_i through loss = sum_i sum(g_i * w_i). */
    private static double normOf(double[][] g) {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<TrainableParameter> params = new ArrayList<>();
            List<NDArray> weights = new ArrayList<>();
            for (int i = 0; i < g.length; i++) {
                NDArray w = manager.ones(new ai.djl.ndarray.types.Shape(g[i].length));
                w.setRequiresGradient(true);
                weights.add(w);
                Parameter p = Parameter.builder().setName("w" + i).setType(Parameter.Type.WEIGHT).optArray(w).build();
                params.add(new TrainableParameter("w" + i, p, true));
            }
            try (GradientCollector c = Engine.getInstance().newGradientCollector();
                 NDManager s = manager.newSubManager()) {
                NDArray loss = null;
                for (int i = 0; i < g.length; i++) {
                    float[] gi = new float[g[i].length];
                    for (int j = 0; j < gi.length; j++) {
                        gi[j] = (float) g[i][j];
                    }
                    NDArray term = weights.get(i).mul(s.create(gi)).sum();
                    loss = loss == null ? term : loss.add(term);
                }
                c.backward(loss);
                c.close();
                return Gradients.globalNorm(params, s);
            }
        }
    }
}

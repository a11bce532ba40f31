package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void twoStepsMatchHandComputedAdamW() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f, -2f});
            w.setRequiresGradient(true);
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optArray(w).build();
            List<TrainableParameter> params = List.of(new TrainableParameter("w", p, true));
            double lr = 0.1;
            double wd = 0.01;
            double[] expected = {1, -2};
            double[] m = new double[2];
            double[] v = new double[2];
            double[] g = {0.5, -3};
            try (AdamW adam = new AdamW(manager, 0.9, 0.999, 1e-8, wd)) {
                for (int t = 1; t <= 2; t++) {
                    // loss = sum(g * w) gives gradient g.
                    try (ai.djl.training.GradientCollector c = ai.djl.engine.Engine.getInstance()
                            .newGradientCollector(); NDManager s = manager.newSubManager()) {
                        NDArray gArr = s.create(new float[] {(float) g[0], (float) g[1]});
                        c.backward(w.mul(gArr).sum());
                        c.close();
                        adam.step(params, lr, 0.5, s);
                    }
                    Gradients.zero(params);
                    for (int i = 0; i < 2; i++) {
                        double gi = g[i] * 0.5;
                        expected[i] *= 1 - lr * wd;
                        m[i] = 0.9 * m[i] + 0.1 * gi;
                        v[i] = 0.999 * v[i] + 0.001 * gi * gi;
                        double mh = m[i] / (1 - Math.pow(0.9, t));
                        double vh = v[i] / (1 - Math.pow(0.999, t));
                        expected[i] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                    }
                }
            }
            float[] got = w.toFloatArray();
            assertEquals(expected[0], got[0], 1e-5);
            assertEquals(expected[1], got[1], 1e-5);
        }
    }

    @Test
    void biasesAndLayerNormAreNotDecayed() {
        assertTrue(TrainableParameter.decays("bert.encoder.layer.0.attention.self.query.weight",
                Parameter.Type.WEIGHT));
        assertFalse(TrainableParameter.decays("bert.encoder.layer.0.attention.self.query.bias",
                Parameter.Type.WEIGHT));
        assertFalse(TrainableParameter.decays("bert.embeddings.LayerNorm.weight", Parameter.Type.WEIGHT));
        assertFalse(TrainableParameter.decays("gamma", Parameter.Type.GAMMA));
        assertFalse(TrainableParameter.decays("b", Parameter.Type.BIAS));
    }

    @Test
    void scheduleWarmsUpThenDecaysToZero() {
        LearningRateSchedule s = new LearningRateSchedule(1.0, 2, 10);
        assertEquals(0.5, s.at(0), 1e-12);
        assertEquals(1.0, s.at(1), 1e-12);
        assertEquals(1.0, s.at(2), 1e-12);
        assertEquals(0.125, s.at(9), 1e-12);
        assertEquals(0.0, new LearningRateSchedule(1.0, 0, 4).at(4), 1e-12);
        assertEquals(new Shape(), new Shape());
    }
}

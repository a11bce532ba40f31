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
    void onePassKernelMatchesTheTensorOperations() {
        // Sizes that cross the kernel's tiles and work items, with and without decay, layer-wise
        // learning rates, clipping and two threads: both paths must agree step after step.
        float[][] fused = train(false, 2);
        float[][] ops = train(true, 1);
        for (int p = 0; p < fused.length; p++) {
            for (int i = 0; i < fused[p].length; i++) {
                assertEquals(ops[p][i], fused[p][i], 1e-6 * Math.max(1, Math.abs(ops[p][i])), "parameter " + p + "[" + i + "]");
            }
        }
    }

    private static float[][] train(boolean tensorOps, int threads) {
        int[] sizes = {3, 5000, (1 << 18) + 77};
        java.util.Random random = new java.util.Random(7);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<TrainableParameter> params = new java.util.ArrayList<>();
            for (int p = 0; p < sizes.length; p++) {
                float[] init = new float[sizes[p]];
                for (int i = 0; i < init.length; i++) {
                    init[i] = (float) random.nextGaussian();
                }
                NDArray w = manager.create(init);
                w.setRequiresGradient(true);
                Parameter param = Parameter.builder().setName("w" + p).setType(Parameter.Type.WEIGHT).optArray(w)
                        .build();
                params.add(new TrainableParameter("w" + p, param, p != 1));
            }
            double[] lrScales = {1.0, 0.5, 0.25};
            try (AdamW adam = new AdamW(manager, 0.9, 0.999, 1e-8, 0.01)) {
                adam.tensorOpsOnly = tensorOps;
                for (int t = 0; t < 4; t++) {
                    try (ai.djl.training.GradientCollector c = ai.djl.engine.Engine.getInstance()
                            .newGradientCollector(); NDManager s = manager.newSubManager()) {
                        NDArray loss = null;
                        for (TrainableParameter p : params) {
                            // gradient 2 * w * x: a different value per element and per step
                            float[] xs = new float[(int) p.array().size()];
                            for (int i = 0; i < xs.length; i++) {
                                xs[i] = (float) random.nextGaussian();
                            }
                            NDArray x = s.create(xs);
                            NDArray term = p.array().square().mul(x).sum();
                            loss = loss == null ? term : loss.add(term);
                        }
                        c.backward(loss);
                        c.close();
                        runWithThreads(threads, () -> adam.step(params, 1e-3, 0.7, s, lrScales));
                    }
                    Gradients.zero(params);
                }
            }
            float[][] out = new float[params.size()][];
            for (int p = 0; p < out.length; p++) {
                out[p] = params.get(p).array().toFloatArray();
            }
            return out;
        }
    }

    private static void runWithThreads(int threads, Runnable step) {
        String old = System.getProperty(org.quotelab.ml.infer.ThreadPolicy.FIXED_PROPERTY);
        System.setProperty(org.quotelab.ml.infer.ThreadPolicy.FIXED_PROPERTY, String.valueOf(threads));
        try (org.quotelab.ml.infer.ThreadPolicy.Lease lease = org.quotelab.ml.infer.ThreadPolicy.begin()) {
            step.run();
        } finally {
            if (old == null) {
                System.clearProperty(org.quotelab.ml.infer.ThreadPolicy.FIXED_PROPERTY);
            } else {
                System.setProperty(org.quotelab.ml.infer.ThreadPolicy.FIXED_PROPERTY, old);
            }
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

package org.quotelab.ml.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.bert.BertConfig;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.model.QuoteClassifiers;

/**
 * DJL 0.36 frees (Number) scalars that autograd still needs (stack-facts.md). A garbage
 * collection between forward and backward exposes any such use in the model code as wrong or
 * non-finite gradients; with libtorch-owned scalars the gradients are bit-identical.
 */
class GradientSafetyTest {

    @Test
    void gradientsSurviveGarbageCollectionBetweenForwardAndBackward() throws IOException {
        for (boolean pooler : new boolean[] {true, false}) {
            try (QuoteClassifier c = QuoteClassifiers.tinyRandom(BertConfig.tiny().withoutDropout(), pooler, 3, 9L, ComputeDevice.AUTO)) {
                float[] calm = gradients(c, false);
                float[] stressed = gradients(c, true);
                for (float g : stressed) {
                    assertTrue(Float.isFinite(g), "non-finite gradient");
                }
                assertTrue(norm(calm) > 0, "no gradient at all");
                assertArrayEquals(calm, stressed, 0f, "pooler=" + pooler);
            }
        }
    }

    private static float[] gradients(QuoteClassifier c, boolean collectGarbage) {
        List<Parameter> params = new ArrayList<>(c.hfParameters().values());
        for (Parameter p : params) {
            if (p.getArray().hasGradient()) {
                NDArray g = p.getArray().getGradient();
                g.subi(g);
            }
        }
        try (NDManager batch = c.model().getNDManager().newSubManager()) {
            Shape s = new Shape(2, 6);
            NDList inputs = new NDList(
                    batch.create(new long[] {101, 7592, 2088, 999, 1012, 102, 101, 2307, 102, 0, 0, 0}, s),
                    batch.create(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0}, s),
                    batch.zeros(s, ai.djl.ndarray.types.DataType.INT64));
            NDArray target = batch.create(new float[] {1f, -2f, 0.5f, -1f, 3f, 0.25f}, new Shape(2, 3));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = c.block().forward(new ParameterStore(batch, false), inputs, true).head();
                NDArray loss = logits.mul(target).sum();
                if (collectGarbage) {
                    for (int i = 0; i < 3; i++) {
                        byte[][] junk = new byte[64][];
                        for (int j = 0; j < junk.length; j++) {
                            junk[j] = new byte[1 << 16];
                        }
                        System.gc();
                    }
                }
                gc.backward(loss);
            }
            List<Float> all = new ArrayList<>();
            for (Parameter p : params) {
                for (float g : p.getArray().getGradient().toFloatArray()) {
                    all.add(g);
                }
            }
            float[] out = new float[all.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = all.get(i);
            }
            return out;
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}

package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.text.BatchTensors;
import org.quotelab.ml.text.EncodedExample;

/**
 * Regression test for DJL 0.36's use-after-free of (Number) scalars under autograd: a GC between
 * forward and backward used to free buffers that backward then read. With every scalar owned by
 * libtorch, gradients after forced collections are finite and bit-identical to a run without them.
 */
class GcBetweenForwardAndBackwardTest {

    private static final List<EncodedExample> DATA = new SyntheticQuotes(32, 3).encoded(64);

    @Test
    void gradientsAreFiniteAndUnchangedByGarbageCollection() {
        // Weighted focal loss exercises every constant of the loss code.
        assertUnchangedByGc(new ClassificationLoss(2.0), new double[] {0.5, 2.0, 1.0}, 0, 5);
    }

    @Test
    void rDropsConsistencyTermIsSafeToo() {
        assertUnchangedByGc(new ClassificationLoss(0), null, 1.0, 3);
    }

    private static void assertUnchangedByGc(ClassificationLoss loss, double[] weights, double consistency,
                                            int rounds) {
        for (int round = 0; round < rounds; round++) {
            float[] quiet = gradients(loss, weights, null, consistency);
            float[] collected = gradients(loss, weights, GcBetweenForwardAndBackwardTest::collectUnderPressure,
                    consistency);
            for (float g : collected) {
                assertTrue(Float.isFinite(g), "non-finite gradient");
            }
            assertArrayEquals(quiet, collected, "gradients changed by a GC between forward and backward");
        }
    }

    private static float[] gradients(ClassificationLoss loss, double[] classWeights, Runnable hook,
                                     double consistency) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 11);
            List<TrainableParameter> params = TrainableParameter.of(net.block());
            Engine.getInstance().setRandomSeed(5);
            GradientStep step = new GradientStep(net, loss, null, hook, consistency);
            List<Float> out = new ArrayList<>();
            try (NDManager batchManager = manager.newSubManager()) {
                int[] index = new int[DATA.size()];
                for (int i = 0; i < index.length; i++) {
                    index[i] = i;
                }
                step.run(BatchTensors.of(batchManager, DATA, index, 0, 3, classWeights), params, batchManager);
                for (TrainableParameter p : params) {
                    for (float v : Gradients.of(p, batchManager).toFloatArray()) {
                        out.add(v);
                    }
                }
            }
            float[] flat = new float[out.size()];
            for (int i = 0; i < flat.length; i++) {
                flat[i] = out.get(i);
            }
            return flat;
        }
    }

    /** Several collections with garbage in between, so that freed direct buffers get reused. */
    static void collectUnderPressure() {
        for (int i = 0; i < 3; i++) {
            List<byte[]> junk = new ArrayList<>();
            for (int j = 0; j < 64; j++) {
                junk.add(new byte[64 * 1024]);
                java.nio.ByteBuffer.allocateDirect(4096).putInt(0, -1);
            }
            junk.clear();
            System.gc();
        }
    }
}

package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.text.BatchTensors;
import org.quotelab.ml.text.EncodedExample;

class ClassificationLossTest {

    private static final float[][] LOGITS = {{2f, 0f, -1f}, {0.5f, 0.5f, 0f}};
    private static final int[] LABELS = {0, 2};

    private static double logSoftmax(float[] row, int c) {
        double max = Math.max(row[0], Math.max(row[1], row[2]));
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        return row[c] - max - Math.log(sum);
    }

    private static double lossOf(double gamma, double[] classWeights) {
        try (NDManager m = NDManager.newBaseManager()) {
            List<EncodedExample> ex = List.of(new EncodedExample(new long[] {1}, new long[] {0}, LABELS[0]),
                    new EncodedExample(new long[] {1}, new long[] {0}, LABELS[1]));
            BatchTensors batch = BatchTensors.of(m, ex, new int[] {0, 1}, 0, 3, classWeights);
            NDArray logits = m.create(new float[] {2f, 0f, -1f, 0.5f, 0.5f, 0f}, new Shape(2, 3));
            return new ClassificationLoss(gamma).compute(logits, batch, m).getFloat();
        }
    }

    @Test
    void weightedCrossEntropyMatchesPyTorchReduction() {
        double l0 = -logSoftmax(LOGITS[0], 0);
        double l1 = -logSoftmax(LOGITS[1], 2);
        assertEquals((l0 + l1) / 2, lossOf(0, null), 1e-6);
        double[] w = {0.5, 1, 3};
        assertEquals((0.5 * l0 + 3 * l1) / 3.5, lossOf(0, w), 1e-6);
    }

    @Test
    void focalLossDownWeighsEasyExamples() {
        double p0 = Math.exp(logSoftmax(LOGITS[0], 0));
        double p1 = Math.exp(logSoftmax(LOGITS[1], 2));
        double expected = (-Math.pow(1 - p0, 2) * Math.log(p0) - Math.pow(1 - p1, 2) * Math.log(p1)) / 2;
        assertEquals(expected, lossOf(2, null), 1e-6);
    }

    @Test
    void batchesPadToTheirLongestMember() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<EncodedExample> ex = List.of(new EncodedExample(new long[] {1, 5, 6}, new long[3], 0),
                    new EncodedExample(new long[] {1}, new long[1], 1));
            BatchTensors b = BatchTensors.of(m, ex, new int[] {1, 0}, 0, 2, null);
            NDList in = b.inputs();
            assertEquals(new Shape(2, 3), in.get(0).getShape());
            assertArrayEquals(new long[] {1, 0, 0, 1, 5, 6}, in.get(0).toLongArray());
            assertArrayEquals(new long[] {1, 0, 0, 1, 1, 1}, in.get(1).toLongArray());
            assertEquals(new Shape(2, 8), BatchTensors.of(m, ex, new int[] {0, 1}, 8, 2, null).inputs().get(0)
                    .getShape());
        }
    }
}

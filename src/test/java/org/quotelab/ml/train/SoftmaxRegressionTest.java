package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick-start head: a linear classifier on raw features, standardisation folded in. */
class SoftmaxRegressionTest {

    @Test
    void separatesThreeShiftedAndScaledClustersOnTheRawFeatures() {
        Random r = new Random(3);
        int n = 300;
        float[][] x = new float[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                // features far from zero and of very different scales: the folding must undo both
                x[i][j] = (float) (100 + 50 * j + (j == y[i] ? 3 : 0) * (1 + j) + r.nextGaussian() * 0.5 * (1 + j));
            }
        }
        SoftmaxRegression m = SoftmaxRegression.fit(x, y, 3, 1e-3, 1, () -> false);
        int right = 0;
        for (int i = 0; i < n; i++) {
            double[] z = m.logits(x[i]);
            int best = z[0] >= z[1] && z[0] >= z[2] ? 0 : z[1] >= z[2] ? 1 : 2;
            right += best == y[i] ? 1 : 0;
        }
        assertTrue(right >= 0.97 * n, right + " of " + n);
        assertEquals(3, m.weights().length);
        assertEquals(4, m.weights()[0].length);
    }

    @Test
    void rareClassesWeighMoreAndCancellingStops() {
        double[] w = SoftmaxRegression.classWeights(new int[] {0, 0, 0, 1}, 3);
        assertArrayEquals(new double[] {4.0 / 6, 2.0, 0}, w, 1e-12);
        assertThrows(TrainingCancelledException.class, () -> SoftmaxRegression.fit(new float[][] {{1f}, {2f}},
                new int[] {0, 1}, 2, 0, 1, () -> true));
    }
}

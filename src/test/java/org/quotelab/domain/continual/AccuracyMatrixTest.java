package org.quotelab.domain.continual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccuracyMatrixTest {

    private static final double EPS = 1e-12;

    // After batch 0: [0.8, 0.5, 0.4]; after 1: [0.7, 0.9, 0.6]; after 2: [0.6, 0.85, 0.9]
    private final AccuracyMatrix m = new AccuracyMatrix(
            new double[][] {{0.8, 0.5, 0.4}, {0.7, 0.9, 0.6}, {0.6, 0.85, 0.9}},
            new double[] {0.3, 0.35, 0.4});

    @Test
    void figuresMatchHandComputation() {
        assertEquals((0.6 + 0.85 + 0.9) / 3, m.averageAccuracy(), EPS);
        // BWT = ((0.6-0.8) + (0.85-0.9)) / 2
        assertEquals((-0.2 - 0.05) / 2, m.backwardTransfer(), EPS);
        // FWT = ((0.5-0.35) + (0.6-0.4)) / 2
        assertEquals((0.15 + 0.2) / 2, m.forwardTransfer(), EPS);
        assertEquals(0.2, m.forgetting(0), EPS);
        assertEquals(0.05, m.forgetting(1), EPS);
        assertEquals(0.0, m.forgetting(2), EPS);
    }

    @Test
    void singleBatchHasNoTransfer() {
        AccuracyMatrix one = new AccuracyMatrix(new double[][] {{0.7}}, new double[] {0.5});
        assertEquals(0.7, one.averageAccuracy(), EPS);
        assertEquals(0.0, one.backwardTransfer(), EPS);
        assertEquals(0.0, one.forwardTransfer(), EPS);
    }

    @Test
    void rejectsRaggedMatrix() {
        assertThrows(IllegalArgumentException.class,
                () -> new AccuracyMatrix(new double[][] {{1, 2}, {1}}, new double[] {0, 0}));
    }
}

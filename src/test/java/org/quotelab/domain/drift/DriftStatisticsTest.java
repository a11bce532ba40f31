package org.quotelab.domain.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftStatisticsTest {

    private static float[][] gaussian(Random rnd, int n, int dim, double shift) {
        float[][] x = new float[n][dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                x[i][d] = (float) (rnd.nextGaussian() + (d == 0 ? shift : 0));
            }
        }
        return x;
    }

    @Test
    void crossFittedAucIsNearOneHalfWithoutDriftAndHighForAFarGroup() {
        Random rnd = new Random(2);
        MmdTest.Result same = MmdTest.test(gaussian(rnd, 200, 8, 0), gaussian(rnd, 200, 8, 0), 100, 1);
        assertTrue(Math.abs(same.auc() - 0.5) < 0.08, "AUC " + same.auc());
        assertTrue(same.aucLow() < 0.5 && same.aucHigh() > 0.5, same.aucLow() + " " + same.aucHigh());
        float[][] cur = gaussian(rnd, 200, 8, 0);
        for (int i = 0; i < 60; i++) {
            cur[i][0] += 6f;
        }
        MmdTest.Result far = MmdTest.test(gaussian(rnd, 200, 8, 0), cur, 100, 1);
        assertTrue(far.auc() > 0.6, "AUC " + far.auc());
        DriftTest t = far.toTest();
        assertEquals(far.auc() - 0.5, t.effect(), 1e-12);
        assertTrue(t.effectLow() < t.effect() && t.effectHigh() > t.effect());
    }

    @Test
    void mmdFiresOnShiftedSampleAndNamesTheShiftedRows() {
        Random rnd = new Random(1);
        float[][] ref = gaussian(rnd, 80, 16, 0);
        float[][] cur = gaussian(rnd, 80, 16, 0);
        // A tenth of the new batch comes from far away: those rows must explain the drift.
        for (int i = 0; i < 20; i++) {
            cur[i][0] += 4f;
            cur[i][1] += 4f;
        }
        MmdTest.Result r = MmdTest.test(ref, cur, 200, 5);
        assertTrue(r.pValue() < 0.01, "p " + r.pValue());
        int topShifted = 0;
        double[] w = r.witness();
        Integer[] order = new Integer[w.length];
        for (int i = 0; i < w.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
        for (int i = 0; i < 10; i++) {
            if (order[i] < 20) {
                topShifted++;
            }
        }
        assertTrue(topShifted >= 9, "shifted rows among the top ten: " + topShifted);
    }

    @Test
    void mmdFalseAlarmRateStaysNearAlphaOnStableBatches() {
        Random rnd = new Random(2);
        float[][] ref = gaussian(rnd, 60, 8, 0);
        int alarms = 0;
        for (int b = 0; b < 40; b++) {
            if (MmdTest.test(ref, gaussian(rnd, 60, 8, 0), 100, b).drifted(0.05)) {
                alarms++;
            }
        }
        assertTrue(alarms <= 5, "false alarms in 40 stable batches: " + alarms);
    }

    @Test
    void jensenShannonAndPsiOfHandMadeDistributions() {
        double[] p = {0.5, 0.5};
        assertEquals(0.0, DistributionShift.jensenShannonDistance(p, p), 1e-12);
        assertEquals(1.0, DistributionShift.jensenShannonDistance(new double[] {1, 0}, new double[] {0, 1}), 1e-12);
        // PSI of [0.5,0.5] -> [0.7,0.3] = 0.2 ln(1.4) + (-0.2) ln(0.6)
        double psi = DistributionShift.populationStabilityIndex(p, new double[] {0.7, 0.3});
        assertEquals(0.2 * Math.log(1.4) - 0.2 * Math.log(0.6), psi, 1e-12);
        assertEquals(DistributionShift.Level.MODERATE, DistributionShift.Level.of(psi));
        assertEquals(DistributionShift.Level.NONE, DistributionShift.Level.of(0.05));
        assertEquals(DistributionShift.Level.SIGNIFICANT, DistributionShift.Level.of(0.25));
        double[] props = DistributionShift.proportions(new long[] {1, 3});
        assertEquals(0.25, props[0], 1e-12);
    }

    @Test
    void ksSeesConfidenceDropAndCbpeAveragesConfidences() {
        Random rnd = new Random(4);
        double[] ref = new double[300];
        double[] same = new double[300];
        double[] low = new double[300];
        for (int i = 0; i < 300; i++) {
            ref[i] = 0.7 + 0.3 * rnd.nextDouble();
            same[i] = 0.7 + 0.3 * rnd.nextDouble();
            low[i] = 0.5 + 0.3 * rnd.nextDouble();
        }
        assertTrue(ConfidenceShift.kolmogorovSmirnov(ref, low).pValue() < 1e-6);
        assertTrue(ConfidenceShift.kolmogorovSmirnov(ref, same).pValue() > 0.01);
        assertEquals(0.5, ConfidenceShift.kolmogorovSmirnov(new double[] {1, 2}, new double[] {2, 3}).statistic(), 1e-12);
        assertEquals(0.75, ConfidenceShift.estimatedAccuracy(new double[] {0.5, 1.0}), 1e-12);
    }
}

package org.quotelab.domain.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void eceOfHandMadeBins() {
        // Two bins of 10: rows at confidence 0.95 (2 of 2 right) and 0.65 (1 of 2 right).
        double[][] p = {{0.95, 0.05}, {0.05, 0.95}, {0.65, 0.35}, {0.35, 0.65}};
        int[] y = {0, 1, 0, 0};
        ReliabilityDiagram d = ReliabilityDiagram.of(p, y, 10);
        assertEquals(2, d.bins().get(9).count());
        assertEquals(1.0, d.bins().get(9).accuracy(), 1e-12);
        assertEquals(0.95, d.bins().get(9).meanConfidence(), 1e-12);
        assertEquals(2, d.bins().get(6).count());
        assertEquals(0.5, d.bins().get(6).accuracy(), 1e-12);
        // ECE = (2*|0.95-1| + 2*|0.65-0.5|) / 4 = (0.1 + 0.3) / 4
        assertEquals(0.1, d.expectedCalibrationError(), 1e-12);
    }

    @Test
    void overconfidentModelGetsTemperatureAboveOneAndLowerEce() {
        // True probability of class 0 is q; the "model" reports a sharpened version (T = 1/3).
        Random rnd = new Random(7);
        int n = 4000;
        double[][] p = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double q = 0.5 + 0.45 * rnd.nextDouble();
            y[i] = rnd.nextDouble() < q ? 0 : 1;
            double a = Math.pow(q, 3);
            double b = Math.pow(1 - q, 3);
            p[i] = new double[] {a / (a + b), b / (a + b)};
        }
        double t = TemperatureScaling.fit(p, y);
        assertEquals(3.0, t, 0.3);
        double before = ReliabilityDiagram.of(p, y, 15).expectedCalibrationError();
        double after = ReliabilityDiagram.of(TemperatureScaling.apply(p, t), y, 15).expectedCalibrationError();
        assertTrue(after < before / 2, "ECE before " + before + " after " + after);
        assertTrue(TemperatureScaling.negativeLogLikelihood(p, y, t)
                < TemperatureScaling.negativeLogLikelihood(p, y, 1.0));
    }

    @Test
    void temperatureOneIsIdentityAndArgmaxIsKept() {
        double[] row = {0.2, 0.5, 0.3};
        assertArrayEquals(row, TemperatureScaling.apply(row, 1.0), 1e-12);
        double[] hot = TemperatureScaling.apply(row, 0.5);
        assertTrue(hot[1] > 0.5 && hot[1] > hot[2] && hot[2] > hot[0]);
    }
}

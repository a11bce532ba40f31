package org.quotelab.domain.unfamiliar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Expected values computed with numpy from the formulas of scikit-learn's ledoit_wolf_shrinkage
 * (centred data, covariance divided by n) and numpy.linalg.inv / numpy.quantile.
 */
class FeatureStatisticsTest {

    private static final double[][] FIT = {
        {1.0, 2.0, 0.5}, {2.0, 1.0, 1.5}, {3.0, 4.0, 0.0}, {0.0, 1.0, 2.0}, {2.5, 3.0, 1.0}, {1.5, 0.5, 0.5}};
    private static final double[][] HELD_OUT = {{1.0, 1.0, 1.0}, {4.0, 0.0, 3.0}, {2.0, 2.0, 0.8}, {0.0, 0.0, 0.0}};

    @Test
    void ledoitWolfMatchesScikitLearnsFormula() {
        double[] mean = {10.0 / 6, 11.5 / 6, 5.5 / 6};
        double[][] centred = new double[FIT.length][3];
        for (int i = 0; i < FIT.length; i++) {
            for (int j = 0; j < 3; j++) {
                centred[i][j] = FIT[i][j] - mean[j];
            }
        }
        Shrinkage.Result lw = Shrinkage.ledoitWolf(centred);
        assertEquals(0.476061615320566, lw.shrinkage(), 1e-12);
        assertEquals(0.986111111111111, lw.mu(), 1e-12);
        assertArrayEquals(new double[] {0.97883419, 0.44389224, -0.21103074}, lw.covariance()[0], 1e-8);
        assertArrayEquals(new double[] {-0.21103074, -0.24377689, 0.70594961}, lw.covariance()[2], 1e-8);
    }

    @Test
    void precisionDistancesAndCutOffMatchNumpy() {
        FeatureStatistics s = FeatureStatistics.fit(FIT, HELD_OUT, 0.95);
        assertArrayEquals(new double[] {1.24998107, -0.3899273, 0.23901021}, s.precision()[0], 1e-7);
        assertArrayEquals(new double[] {0.23901021, 0.21577845, 1.56249154}, s.precision()[2], 1e-7);
        assertEquals(0.9159672, s.distance(HELD_OUT[0]), 1e-7);
        assertEquals(4.60551989, s.distance(HELD_OUT[1]), 1e-7);
        assertEquals(0.34984209, s.distance(HELD_OUT[2]), 1e-7);
        assertEquals(2.70517573, s.distance(HELD_OUT[3]), 1e-7);
        // numpy.quantile(d, 0.95): between the two largest held-out distances
        assertEquals(4.320468270027345, s.cutoff(), 1e-7);
        assertEquals(6, s.fitted());
        assertEquals(4, s.heldOut());
        assertTrue(s.flagged(s.distance(HELD_OUT[1])));
        assertFalse(s.flagged(s.distance(HELD_OUT[3])));
        assertEquals(0.0, s.distance(s.mean()), 1e-12);
    }

    @Test
    void cutOffLeavesAboutTheChosenShareOfHeldOutQuotesAbove() {
        Random random = new Random(7);
        double[][] fit = gaussian(random, 2000, 20, 0);
        double[][] held = gaussian(random, 1000, 20, 0);
        double[][] far = gaussian(random, 500, 20, 3);
        FeatureStatistics s = FeatureStatistics.fit(fit, held, 0.95);
        assertEquals(0.05, flaggedShare(s, held), 0.002);
        // fresh quotes from the same distribution: about 5 % too, within sampling noise
        assertEquals(0.05, flaggedShare(s, gaussian(random, 2000, 20, 0)), 0.02);
        assertTrue(flaggedShare(s, far) > 0.99, "shifted quotes are flagged");
        assertEquals(0.10, flaggedShare(FeatureStatistics.fit(fit, held, 0.90), held), 0.002);
    }

    @Test
    void outOfFoldDistancesSetTheCutOffAndTheFitKeepsItsStatistics() {
        FeatureStatistics direct = FeatureStatistics.fit(FIT, HELD_OUT, 0.95);
        double[] distances = new double[HELD_OUT.length];
        for (int i = 0; i < HELD_OUT.length; i++) {
            distances[i] = direct.distance(HELD_OUT[i]);
        }
        FeatureStatistics pooled = FeatureStatistics.fitWithDistances(FIT, distances, 0.95);
        // the same distances give the same cut-off; the mean and precision come from the fit alone
        assertEquals(direct.cutoff(), pooled.cutoff(), 1e-12);
        assertArrayEquals(direct.mean(), pooled.mean(), 0);
        assertArrayEquals(direct.precision()[1], pooled.precision()[1], 0);
        assertEquals(HELD_OUT.length, pooled.heldOut());
        double[] larger = {1, 2, 3, 4, 100};
        assertEquals(FeatureStatistics.quantile(larger, 0.95), FeatureStatistics.fitWithDistances(FIT, larger, 0.95).cutoff());
        assertThrows(IllegalArgumentException.class, () -> FeatureStatistics.fitWithDistances(FIT, new double[0], 0.95));
    }

    @Test
    void survivesMoreFeaturesThanQuotesAndConstantFeatures() {
        Random random = new Random(3);
        double[][] fit = gaussian(random, 10, 40, 0);
        for (double[] row : fit) {
            row[5] = 1.0; // a feature that never varies
        }
        FeatureStatistics s = FeatureStatistics.fit(fit, gaussian(random, 5, 40, 0), 0.95);
        assertTrue(Double.isFinite(s.cutoff()));
        assertTrue(s.shrinkage() > 0 && s.shrinkage() <= 1);
    }

    @Test
    void refusesToCalibrateWithoutHeldOutQuotes() {
        assertThrows(IllegalArgumentException.class, () -> FeatureStatistics.fit(FIT, new double[0][], 0.95));
        assertThrows(IllegalArgumentException.class, () -> FeatureStatistics.fit(FIT, HELD_OUT, 1.0));
    }

    @Test
    void quantileInterpolatesLikeNumpy() {
        assertEquals(1.8105714675925961, FeatureStatistics.quantile(
                new double[] {0.9159672, 4.60551989, 0.34984209, 2.70517573}, 0.5), 1e-7);
        assertEquals(3.0, FeatureStatistics.quantile(new double[] {3.0}, 0.95));
    }

    private static double flaggedShare(FeatureStatistics s, double[][] rows) {
        int k = 0;
        for (double[] r : rows) {
            k += s.flagged(s.distance(r)) ? 1 : 0;
        }
        return (double) k / rows.length;
    }

    private static double[][] gaussian(Random random, int n, int p, double shift) {
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                // correlated features: the shrunk covariance must still undo the correlation
                out[i][j] = random.nextGaussian() + (j > 0 ? 0.5 * out[i][j - 1] : 0) + shift;
            }
        }
        return out;
    }
}

package org.quotelab.domain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Wilson intervals against published values, and the bootstrap's behaviour on known cases. */
class IntervalsTest {

    @Test
    void wilsonMatchesKnownValues() {
        // Values from the closed form (Newcombe 1998, method 3), z = 1.96
        assertInterval(0.4902, 0.9433, Wilson.interval(8, 10));
        assertInterval(0.0, 0.2775, Wilson.interval(0, 10));
        assertInterval(0.7225, 1.0, Wilson.interval(10, 10));
        assertInterval(0.4038, 0.5962, Wilson.interval(50, 100));
        assertFalse(Wilson.interval(0, 0).known());
        assertEquals(0.0, Wilson.interval(0, 7).lo());
        assertEquals(1.0, Wilson.interval(7, 7).hi());
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(3, 2));
    }

    @Test
    void estimateIsGreyedOutBelowThirty() {
        Estimate thin = Estimate.proportion(3, 29);
        assertFalse(thin.enough());
        assertTrue(thin.warning().contains("29"), thin.warning());
        assertTrue(Estimate.proportion(3, 30).enough());
        assertEquals("", Estimate.proportion(3, 30).warning());
    }

    @Test
    void bootstrapOfAPerfectClassifierIsOne() {
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1};
        Bootstrap.F1Intervals f = Bootstrap.standard().f1(y, y.clone(), 3);
        assertInterval(1.0, 1.0, f.macro());
        assertInterval(1.0, 1.0, f.perClass()[2]);
    }

    @Test
    void bootstrapIsSeededAndShrinksWithMoreQuotes() {
        int[][] small = noisy(100);
        int[][] large = noisy(10_000);
        Interval a = Bootstrap.standard().f1(small[0], small[1], 2).macro();
        Interval b = Bootstrap.standard().f1(small[0], small[1], 2).macro();
        assertEquals(a, b, "the same quotes and seed give the same interval");
        assertNotEquals(a, new Bootstrap(1000, 7).f1(small[0], small[1], 2).macro());
        Interval wide = a;
        Interval narrow = Bootstrap.standard().f1(large[0], large[1], 2).macro();
        // a standard error falls as 1/sqrt(n): 100 times the quotes, about a tenth of the width
        double ratio = wide.width() / narrow.width();
        assertTrue(ratio > 6 && ratio < 15, "width ratio " + ratio);
        ClassificationReport r = ClassificationReport.of(large[0], large[1], List.of("a", "b"));
        assertTrue(narrow.lo() < r.macro().f1() && r.macro().f1() < narrow.hi());
    }

    @Test
    void bootstrapOfAProportionAgreesWithWilson() {
        // F1 of a class that is always predicted equals 2p/(1+p); its recall is 1. Check accuracy
        // instead through a two-class report where F1 of class 1 tracks a proportion.
        int[][] d = noisy(2000);
        ClassificationReport r = ClassificationReport.of(d[0], d[1], List.of("a", "b"));
        ReportIntervals ri = ReportIntervals.of(r);
        Estimate acc = ri.accuracy();
        assertEquals(r.accuracy(), acc.value(), 1e-12);
        assertEquals(2000, acc.n());
        assertEquals(r.matrix().support(1), ri.forLabel("b").recall().n());
        assertEquals(r.matrix().predictedCount(1), ri.forLabel("b").precision().n());
        // the F1 bootstrap width is of the order of the recall's Wilson width
        double f1Width = ri.forLabel("b").f1().ci().width();
        double recallWidth = ri.forLabel("b").recall().ci().width();
        assertTrue(f1Width > 0.4 * recallWidth && f1Width < 2 * recallWidth, f1Width + " vs " + recallWidth);
    }

    @Test
    void weightedF1CarriesItsIntervalAndSupport() {
        int[][] d = noisy(2000);
        ClassificationReport r = ClassificationReport.of(d[0], d[1], List.of("a", "b"));
        Estimate w = ReportIntervals.of(r).weightedF1();
        assertEquals(r.weighted().f1(), w.value(), 1e-12);
        assertEquals(2000, w.n());
        assertTrue(w.ci().lo() < w.value() && w.value() < w.ci().hi(), w.format());
        // a perfect classifier has nothing to vary
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1};
        assertInterval(1.0, 1.0, Bootstrap.standard().f1(y, y.clone(), 3).weighted());
        // with one class four times the other, the weighted figure leans to the large class's F1
        int[] truth = new int[500];
        int[] predicted = new int[500];
        for (int i = 0; i < 500; i++) {
            truth[i] = i < 400 ? 0 : 1;
            predicted[i] = i < 400 ? 0 : (i % 2 == 0 ? 1 : 0);
        }
        Bootstrap.F1Intervals f = Bootstrap.standard().f1(truth, predicted, 2);
        assertTrue(f.weighted().lo() > f.macro().lo(), f.weighted() + " vs " + f.macro());
    }

    /** Two classes, 80 % of predictions right, deterministic. */
    private static int[][] noisy(int n) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        int[] y = new int[n];
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(3) == 0 ? 1 : 0;
            p[i] = rnd.nextInt(5) == 0 ? 1 - y[i] : y[i];
        }
        return new int[][] {y, p};
    }

    private static void assertInterval(double lo, double hi, Interval i) {
        assertEquals(lo, i.lo(), 1e-4, "lower end");
        assertEquals(hi, i.hi(), 1e-4, "upper end");
    }
}

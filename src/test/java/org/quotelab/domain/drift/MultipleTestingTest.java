package org.quotelab.domain.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known values (as R's p.adjust gives them), severity grading and the distribution tails. */
class MultipleTestingTest {

    private static final double[] P = {0.01, 0.04, 0.03, 0.005};

    @Test
    void holmMatchesKnownValues() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, MultipleTesting.holm(P), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, MultipleTesting.holm(new double[] {0.6, 0.9}), 1e-12);
    }

    @Test
    void benjaminiHochbergMatchesKnownValues() {
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, MultipleTesting.benjaminiHochberg(P), 1e-12);
        assertArrayEquals(new double[] {0.9, 0.9}, MultipleTesting.benjaminiHochberg(new double[] {0.6, 0.9}), 1e-12);
    }

    @Test
    void rejectsValuesThatAreNotProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> MultipleTesting.holm(new double[] {0.1, Double.NaN}));
    }

    @Test
    void aTinyEffectOnABigBatchIsSignificantButNotAnAlert() {
        DriftTest tiny = DriftTest.raw(DriftTest.Kind.PREDICTION, "chi-square", 40, 1e-8, 0.02, 0.01, 0.03, 50_000,
                50_000, "");
        DriftTest large = DriftTest.raw(DriftTest.Kind.CONFIDENCE, "Kolmogorov-Smirnov", 0.25, 1e-4, 0.25, Double.NaN,
                Double.NaN, 300, 300, "");
        DriftTest quiet = DriftTest.raw(DriftTest.Kind.LABEL, "chi-square", 3, 0.4, 0.3, 0.1, 0.5, 20, 20, "");
        DriftVerdict v = DriftVerdict.of(List.of(tiny, large, quiet), 0.01, MultipleTesting.Method.HOLM);
        assertEquals(Severity.NONE, v.tests().get(0).severity(), "significant, but a 2-point change");
        assertEquals(Severity.MODERATE, v.tests().get(1).severity());
        assertEquals(Severity.NONE, v.tests().get(2).severity(), "large effect, but not significant");
        assertEquals(Severity.MODERATE, v.severity());
        assertEquals(1, v.alerts().size());
        assertTrue(v.alerts().get(0).startsWith("confidence shift (moderate)"), v.alerts().get(0));
        assertEquals(3 * 1e-8, v.tests().get(0).adjustedP(), 1e-15);
        assertEquals(DriftTest.Kind.CONFIDENCE, v.strongest().kind());
    }

    @Test
    void cutOffsGradeTheEffect() {
        Severity.Cutoffs c = DriftTest.Kind.LABEL.cutoffs();
        assertEquals(Severity.NONE, c.of(0.049));
        assertEquals(Severity.MINOR, c.of(0.05));
        assertEquals(Severity.MODERATE, c.of(0.15));
        assertEquals(Severity.MAJOR, c.of(0.2));
    }

    @Test
    void chiSquareAndNormalTailsMatchKnownValues() {
        // scipy.stats.chi2.sf
        assertEquals(0.05, Distributions.chiSquareSurvival(3.841458820694124, 1), 1e-9);
        assertEquals(0.05, Distributions.chiSquareSurvival(18.307038053275146, 10), 1e-9);
        assertEquals(7.588002556582502e-4, Distributions.chiSquareSurvival(25.0, 7), 1e-10);
        assertEquals(0.9188914116546758, Distributions.chiSquareSurvival(0.5, 3), 1e-9);
        assertEquals(0.975, Distributions.normalCdf(1.959963984540054), 1e-6);
        assertEquals(0.5, Distributions.normalCdf(0), 1e-7);
    }

    @Test
    void shareTestMatchesScipyOnAContingencyTable() {
        // scipy.stats.chi2_contingency([[40,30,20,10],[25,35,20,20]], correction=False)
        ShareTest.Result r = ShareTest.compare(List.of("a", "b", "c", "d"), new long[] {40, 30, 20, 10},
                new long[] {25, 35, 20, 20});
        assertEquals(7.17948717948718, r.chiSquare(), 1e-9);
        assertEquals(3, r.degreesOfFreedom());
        assertEquals(0.06639169621803992, r.chiSquarePValue(), 1e-8);
        // largest share change: a, 40 % -> 25 %; z = -0.15 / sqrt(0.325 * 0.675 * (1/100 + 1/100))
        assertEquals(-2.264554068289191, r.largestShareZ(), 1e-9);
        assertEquals(r.largestShareP(), r.pValue(), 1e-15);
        assertEquals(4 * 2 * (1 - Distributions.normalCdf(2.264554068289191)), r.largestShareP(), 1e-12);
        assertEquals(0.18946618668626838, r.cramersV(), 1e-9);
        assertEquals("a", r.largestClass());
        assertEquals(-0.15, r.shareChange().estimate(), 1e-12);
        assertTrue(r.shareChange().low() < -0.15 && r.shareChange().high() > -0.15);
        DriftTest t = r.toTest(DriftTest.Kind.PREDICTION);
        assertEquals(0.15, t.effect(), 1e-12);
        assertTrue(t.effectLow() < 0.15 && t.effectHigh() > 0.15, t.toString());
    }

    @Test
    void sparseClassesArePooledBeforeTheTest() {
        ShareTest.Result r = ShareTest.compare(List.of("a", "b", "c", "d"), new long[] {100, 100, 4, 5},
                new long[] {100, 100, 3, 4});
        assertEquals(2, r.degreesOfFreedom(), "c and d pooled into one column");
    }

    @Test
    void wilsonIntervalMatchesKnownValues() {
        ProportionIntervals.Interval w = ProportionIntervals.wilson(5, 10);
        assertEquals(0.2365931, w.low(), 1e-6);
        assertEquals(0.7634069, w.high(), 1e-6);
        ProportionIntervals.Interval zero = ProportionIntervals.wilson(0, 20);
        assertEquals(0, zero.low(), 1e-12);
        assertEquals(0.1611252, zero.high(), 1e-6);
        ProportionIntervals.Interval d = ProportionIntervals.newcombeDifference(48, 80, 56, 70);
        assertEquals(0.2, d.estimate(), 1e-12);
        assertTrue(d.low() > 0.05 && d.low() < 0.2 && d.high() > 0.2 && d.high() < 0.35, d.toString());
    }
}

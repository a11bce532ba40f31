package org.quotelab.domain.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Did the class shares move (predicted classes, labels)? The effect that grades severity is the
 * largest change of one class's share, with Newcombe's 95 % interval; Cramér's V, PSI and
 * Jensen-Shannon distance are reported beside it. The test matches that effect: the largest
 * two-proportion z-test over the k classes, Bonferroni-corrected for k. It has far more power for
 * one class moving than the chi-square test of the 2 x k table, which dilutes it over k - 1
 * degrees of freedom; a change spread thinly over many classes has a small largest share change
 * and would not reach "minor" anyway. The chi-square test is reported beside it (with classes
 * seen fewer than {@link #MIN_CLASS_COUNT} times in both samples pooled first, so that no
 * expected count is tiny).
 */
public final class ShareTest {

    public static final int MIN_CLASS_COUNT = 10;

    /**
     * @param largestShareP the p-value of the largest class's z-test times the number of classes
     * @param pValue        the share test's p-value: {@code largestShareP}
     * @param cramersV      sqrt(chi-square / n): 0 for equal shares, 1 for disjoint ones
     * @param largestClass  the class whose share changed most
     * @param shareChange   its current share minus its reference share, with the interval
     */
    public record Result(double chiSquare, int degreesOfFreedom, double chiSquarePValue, double largestShareZ,
                         double largestShareP, double pValue, double cramersV, double psi, double js,
                         String largestClass, ProportionIntervals.Interval shareChange, long referenceSize,
                         long currentSize) {

        public DriftTest toTest(DriftTest.Kind kind) {
            double d = shareChange.estimate();
            // the effect is the size of the change; its interval is read in the direction it went
            double low = d >= 0 ? shareChange.low() : -shareChange.high();
            double high = d >= 0 ? shareChange.high() : -shareChange.low();
            String detail = String.format(Locale.ROOT, "%s share %+.1f points [%+.1f, %+.1f], Cramér's V %.3f,"
                    + " PSI %.3f, chi-square p %.4f", largestClass, 100 * d, 100 * shareChange.low(),
                    100 * shareChange.high(), cramersV, psi, chiSquarePValue);
            return DriftTest.raw(kind, "largest-share z (Bonferroni)", chiSquare, pValue, Math.abs(d), low, high, (int) referenceSize,
                    (int) currentSize, detail);
        }
    }

    private ShareTest() {
    }

    /** @param classes names of the classes, in the order of the two count arrays */
    public static Result compare(List<String> classes, long[] reference, long[] current) {
        if (classes.size() != reference.length || reference.length != current.length) {
            throw new IllegalArgumentException("classes and counts differ in length");
        }
        long nRef = sum(reference);
        long nCur = sum(current);
        if (nRef == 0 || nCur == 0) {
            throw new IllegalArgumentException("both samples need counts, got " + nRef + " and " + nCur);
        }
        double[] p = DistributionShift.proportions(reference);
        double[] q = DistributionShift.proportions(current);
        int largest = 0;
        for (int k = 1; k < p.length; k++) {
            if (Math.abs(q[k] - p[k]) > Math.abs(q[largest] - p[largest])) {
                largest = k;
            }
        }
        ProportionIntervals.Interval change = ProportionIntervals.newcombeDifference(reference[largest], nRef,
                current[largest], nCur);
        List<long[]> cells = pooled(reference, current);
        double chi2 = 0;
        long n = nRef + nCur;
        for (long[] c : cells) {
            long total = c[0] + c[1];
            double eRef = (double) total * nRef / n;
            double eCur = (double) total * nCur / n;
            chi2 += sq(c[0] - eRef) / eRef + sq(c[1] - eCur) / eCur;
        }
        int df = cells.size() - 1;
        double chiP = df < 1 ? 1.0 : Distributions.chiSquareSurvival(chi2, df);
        double z = twoProportionZ(reference[largest], nRef, current[largest], nCur);
        long present = 0;
        for (int k = 0; k < reference.length; k++) {
            present += reference[k] + current[k] > 0 ? 1 : 0;
        }
        double zP = Math.min(1, Math.max(1, present) * 2 * (1 - Distributions.normalCdf(Math.abs(z))));
        return new Result(chi2, df, chiP, z, zP, zP, Math.sqrt(chi2 / n),
                DistributionShift.populationStabilityIndex(p, q), DistributionShift.jensenShannonDistance(p, q),
                classes.get(largest), change, nRef, nCur);
    }

    /** Pooled two-proportion z statistic of k2/n2 against k1/n1; 0 when both are 0 or 1. */
    static double twoProportionZ(long k1, long n1, long k2, long n2) {
        double pooled = (double) (k1 + k2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return se == 0 ? 0 : ((double) k2 / n2 - (double) k1 / n1) / se;
    }

    /** Columns with enough counts; the rest summed into one, which joins the smallest column if still too small. */
    private static List<long[]> pooled(long[] reference, long[] current) {
        List<long[]> keep = new ArrayList<>();
        long[] rest = new long[2];
        for (int k = 0; k < reference.length; k++) {
            if (reference[k] + current[k] >= MIN_CLASS_COUNT) {
                keep.add(new long[] {reference[k], current[k]});
            } else {
                rest[0] += reference[k];
                rest[1] += current[k];
            }
        }
        if (rest[0] + rest[1] == 0) {
            return keep;
        }
        if (rest[0] + rest[1] >= MIN_CLASS_COUNT || keep.isEmpty()) {
            keep.add(rest);
        } else {
            long[] smallest = keep.get(0);
            for (long[] c : keep) {
                smallest = c[0] + c[1] < smallest[0] + smallest[1] ? c : smallest;
            }
            smallest[0] += rest[0];
            smallest[1] += rest[1];
        }
        return keep;
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }

    private static double sq(double v) {
        return v * v;
    }
}

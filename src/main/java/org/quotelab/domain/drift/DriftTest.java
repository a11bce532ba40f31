package org.quotelab.domain.drift;

import java.util.Locale;

/**
 * One test of a batch against its reference: its p-value before and after the batch's
 * multiple-testing correction, its effect size with a 95 % interval where the effect is a
 * proportion or a shift, the sizes it rests on, and the severity that follows from both.
 *
 * @param method    the test, e.g. "MMD permutation", "chi-square", "Kolmogorov-Smirnov"
 * @param statistic the test statistic (MMD^2, chi-square, D, z)
 * @param effect    the effect size in the unit of {@link Kind#effectName()}; severity reads it
 * @param effectLow 95 % interval of the effect, NaN where none is given (the KS distance)
 * @param detail    the figures behind the effect in words, e.g. which class share moved
 */
public record DriftTest(Kind kind, String method, double statistic, double pValue, double adjustedP, double effect,
                        double effectLow, double effectHigh, int referenceSize, int currentSize, Severity severity,
                        String detail) {

    /**
     * The kinds of test and their effect-size cut-offs (minor / moderate / major). Share changes
     * are absolute differences of a class's share (0.05 = 5 points); the input effect is how far
     * above 0.5 the AUC of a cross-fitted kernel classifier between new and reference quotes lies
     * (0.05 = AUC 0.55).
     */
    public enum Kind {
        INPUT("input drift", "separability (AUC - 0.5)", new Severity.Cutoffs(0.05, 0.10, 0.20)),
        PREDICTION("prediction shift", "largest predicted-share change", new Severity.Cutoffs(0.05, 0.10, 0.20)),
        LABEL("label shift", "largest label-share change", new Severity.Cutoffs(0.05, 0.10, 0.20)),
        CONFIDENCE("confidence shift", "KS distance", new Severity.Cutoffs(0.10, 0.20, 0.30)),
        ESTIMATED_ACCURACY("estimated accuracy fall", "fall of mean confidence", new Severity.Cutoffs(0.03, 0.05, 0.10));

        private final String title;
        private final String effectName;
        private final Severity.Cutoffs cutoffs;

        Kind(String title, String effectName, Severity.Cutoffs cutoffs) {
            this.title = title;
            this.effectName = effectName;
            this.cutoffs = cutoffs;
        }

        public String title() {
            return title;
        }

        public String effectName() {
            return effectName;
        }

        public Severity.Cutoffs cutoffs() {
            return cutoffs;
        }
    }

    /** A test before correction: adjusted p and severity are filled in by {@link DriftVerdict}. */
    public static DriftTest raw(Kind kind, String method, double statistic, double pValue, double effect,
                                double effectLow, double effectHigh, int referenceSize, int currentSize, String detail) {
        return new DriftTest(kind, method, statistic, pValue, Double.NaN, effect, effectLow, effectHigh, referenceSize,
                currentSize, Severity.NONE, detail);
    }

    DriftTest corrected(double adjusted, double alpha) {
        Severity s = adjusted < alpha ? kind.cutoffs().of(effect) : Severity.NONE;
        return new DriftTest(kind, method, statistic, pValue, adjusted, effect, effectLow, effectHigh, referenceSize,
                currentSize, s, detail);
    }

    /** "input drift (moderate): excess share ... 0.123 [0.080, 0.170], n 300 / 300, adjusted p 0.0020; detail". */
    public String sentence() {
        String interval = Double.isNaN(effectLow) ? ""
                : String.format(Locale.ROOT, " [%.3f, %.3f]", effectLow, effectHigh);
        return String.format(Locale.ROOT, "%s (%s): %s %.3f%s, n %d / %d, %s p %.4f (adjusted %.4f)%s", kind.title(),
                severity.label(), kind.effectName(), effect, interval, referenceSize, currentSize, method, pValue,
                adjustedP, detail == null || detail.isEmpty() ? "" : "; " + detail);
    }
}

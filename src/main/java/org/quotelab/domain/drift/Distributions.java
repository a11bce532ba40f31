package org.quotelab.domain.drift;

/** The few distribution functions the drift tests need: chi-square tail and the standard normal. */
public final class Distributions {

    private static final double[] LANCZOS = {76.18009172947146, -86.50532032941677, 24.01409824083091,
        -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5};

    private Distributions() {
    }

    /** P(X >= x) for a chi-square variable with df degrees of freedom. */
    public static double chiSquareSurvival(double x, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        if (x <= 0) {
            return 1.0;
        }
        return upperGamma(df / 2.0, x / 2.0);
    }

    /** Standard normal CDF (Abramowitz and Stegun 7.1.26 through erf, absolute error below 1.5e-7). */
    public static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    static double lnGamma(double x) {
        double y = x;
        double tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.log(tmp);
        double ser = 1.000000000190015;
        for (double c : LANCZOS) {
            ser += c / ++y;
        }
        return -tmp + Math.log(2.5066282746310005 * ser / x);
    }

    /** Regularised upper incomplete gamma Q(a, x): series below a + 1, continued fraction above (Numerical Recipes). */
    static double upperGamma(double a, double x) {
        double lnPrefix = -x + a * Math.log(x) - lnGamma(a);
        if (x < a + 1) {
            double ap = a;
            double sum = 1 / a;
            double del = sum;
            for (int n = 0; n < 1000 && Math.abs(del) > Math.abs(sum) * 1e-15; n++) {
                ap++;
                del *= x / ap;
                sum += del;
            }
            return Math.max(0, Math.min(1, 1 - sum * Math.exp(lnPrefix)));
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                break;
            }
        }
        return Math.max(0, Math.min(1, Math.exp(lnPrefix) * h));
    }
}

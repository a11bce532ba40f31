package org.quotelab.domain.agreement;

import java.util.Locale;
import org.quotelab.domain.metrics.Estimate;
import org.quotelab.domain.metrics.Interval;

/**
 * An agreement figure (kappa or alpha) with its 95 % interval and the quotes it rests on
 * ({@code estimate.n()}), the pairable labels counted ({@code values}), or, when there is no
 * figure, why ({@code reason} non-null, value NaN).
 */
public record AgreementFigure(Estimate estimate, long values, String reason) {

    static AgreementFigure of(double value, long quotes, long values, Interval ci) {
        return new AgreementFigure(new Estimate(value, quotes, ci), values, null);
    }

    static AgreementFigure none(long quotes, long values, String reason) {
        return new AgreementFigure(new Estimate(Double.NaN, quotes, Interval.UNKNOWN), values, reason);
    }

    public boolean present() {
        return reason == null;
    }

    public double value() {
        return estimate.value();
    }

    public long quotes() {
        return estimate.n();
    }

    /** "0.743 [0.52, 0.90], n = 12 quotes, 40 labels", or "- (why)". */
    public String format() {
        if (!present()) {
            return "- (" + reason + ")";
        }
        return String.format(Locale.ROOT, "%.3f %s, n = %d quotes, %d labels", value(), estimate.ci().format(),
                quotes(), values);
    }
}

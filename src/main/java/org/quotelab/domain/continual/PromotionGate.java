package org.quotelab.domain.continual;

import java.util.Locale;

/**
 * Decides whether a candidate model version may replace the active one: it must hold or improve
 * the metric on recent data, and must not forget more than the floor allows on older batches.
 *
 * @param recentTolerance how much the recent metric may drop and still count as "held" (0 = strict)
 * @param bwtFloor        lowest acceptable backward transfer, in metric units (default -0.01, one point)
 */
public record PromotionGate(double recentTolerance, double bwtFloor) {

    public static PromotionGate defaults() {
        return new PromotionGate(0.0, -0.01);
    }

    /** @param promote whether to activate the candidate; reason says why, in words for the user */
    public record Decision(boolean promote, String reason) {
    }

    public Decision decide(double activeRecent, double candidateRecent, double candidateBwt) {
        if (candidateRecent + recentTolerance < activeRecent) {
            return new Decision(false, String.format(Locale.ROOT,
                    "recent metric fell from %.4f to %.4f", activeRecent, candidateRecent));
        }
        if (candidateBwt < bwtFloor) {
            return new Decision(false, String.format(Locale.ROOT,
                    "backward transfer %.4f is below the floor %.4f", candidateBwt, bwtFloor));
        }
        return new Decision(true, String.format(Locale.ROOT,
                "recent metric %.4f (active %.4f), backward transfer %.4f", candidateRecent, activeRecent, candidateBwt));
    }
}

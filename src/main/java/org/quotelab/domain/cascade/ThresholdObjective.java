package org.quotelab.domain.cascade;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** What an analyst asks of the stage-1 threshold; each picks the best end-to-end macro-F1 it allows. */
public enum ThresholdObjective {
    /** The highest end-to-end macro-F1. */
    BEST_MACRO_F1,
    /** At least this class-0 recall. */
    MIN_CLASS0_RECALL,
    /** At least this end-to-end out-of-topic recall (stage-1 rejections plus class 0). */
    MIN_OUT_OF_TOPIC_RECALL,
    /** No topic loses more than this share of its quotes at stage 1. */
    MAX_TOPIC_RECALL_LOST;

    /**
     * Of points at one stage-1 threshold, ordered from the mildest class-0 threshold (1.00) down,
     * the first whose class-0 recall reaches {@code bound}. Every step down calls more in-topic
     * quotes class 0, and on a validation part from the training days stage 2 is more confident
     * than on later days, so a search for the best macro-F1 over both thresholds goes lower than
     * new data bears (docs/decisions/0012-class0-threshold.md): take only what the bound needs.
     */
    public static Optional<SweepPoint> mildestClass0(List<SweepPoint> column, double bound) {
        return column.stream().filter(p -> p.class0Recall() >= bound).findFirst();
    }

    /** The recommended point, or empty when no threshold meets the bound. */
    public Optional<SweepPoint> recommend(List<SweepPoint> sweep, double bound) {
        Predicate<SweepPoint> ok = switch (this) {
            case BEST_MACRO_F1 -> p -> true;
            case MIN_CLASS0_RECALL -> p -> p.class0Recall() >= bound;
            case MIN_OUT_OF_TOPIC_RECALL -> p -> p.outOfTopicRecall() >= bound;
            case MAX_TOPIC_RECALL_LOST -> p -> p.maxTopicRecallLost() <= bound;
        };
        SweepPoint best = null;
        for (SweepPoint p : sweep) {
            // Ties go to the higher out-of-topic recall: the analysts' stated priority.
            if (ok.test(p) && (best == null || p.endToEndMacroF1() > best.endToEndMacroF1()
                    || (p.endToEndMacroF1() == best.endToEndMacroF1() && p.outOfTopicRecall() > best.outOfTopicRecall()))) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }
}

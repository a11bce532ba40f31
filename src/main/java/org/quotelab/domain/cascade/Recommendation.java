package org.quotelab.domain.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.metrics.Estimate;
import org.quotelab.domain.metrics.ReportIntervals;

/**
 * The recommended operating point with what it rests on, and what it costs against the plain
 * rule (stage 1 at 0.5, stage 2's argmax). A point is only recommended when enough truly
 * out-of-topic quotes reach stage 2 to measure class-0 recall ({@link #MIN_CLASS0_SUPPORT});
 * below that the plain rule stays, and {@link #reason} says why, with the count.
 *
 * @param point         the point to use
 * @param plainRule     true when the plain rule was kept for lack of support (or nothing better)
 * @param class0Support truly out-of-topic quotes stage 1 passes under the plain rule: the class-0 examples
 * @param reason        one line for the log, the CLI and the Threshold view
 * @param at            figures at {@code point}, with intervals
 * @param plain         figures under the plain rule, with intervals
 */
public record Recommendation(OperatingPoint point, boolean plainRule, long class0Support, String reason,
        PointFigures at, PointFigures plain) {

    /** Fewer class-0 examples than this and class-0 recall is too uncertain to tune a threshold on. */
    public static final int MIN_CLASS0_SUPPORT = 30;

    /** The plain rule: stage 1 at even odds, stage 2's argmax. */
    public static final OperatingPoint PLAIN_RULE = OperatingPoint.argmax(0.5);

    /** End-to-end macro-F1, out-of-topic recall, class-0 recall and each topic's recall at one point. */
    public record PointFigures(OperatingPoint point, Estimate macroF1, Estimate outOfTopicRecall,
            Estimate class0Recall, List<String> topics, List<Estimate> topicRecall) {
        public PointFigures {
            topics = List.copyOf(topics);
            topicRecall = List.copyOf(topicRecall);
        }

        public static PointFigures of(CascadeScores s, OperatingPoint p) {
            ReportIntervals r = ReportIntervals.of(ThresholdSweep.report(s, p.threshold(), p.class0Threshold()));
            List<Estimate> recall = new ArrayList<>();
            for (int k = 1; k < r.classes().size(); k++) {
                recall.add(r.classes().get(k).recall());
            }
            return new PointFigures(p, r.macroF1(), r.classes().get(0).recall(), Recommendation.class0Recall(s, p),
                    s.topics(), recall);
        }
    }

    /**
     * What to recommend on these scores (out-of-fold or held-out, calibrated): the stage-1 threshold
     * with the best end-to-end macro-F1 under the argmax rule, then what {@code objective} asks
     * from there, unless that costs more than {@code maxTrade} macro-F1. The plain rule when fewer
     * than {@link #MIN_CLASS0_SUPPORT} class-0 examples back the choice.
     */
    public static Recommendation choose(CascadeScores s, ThresholdObjective objective, double bound, double maxTrade) {
        long support = class0Support(s, PLAIN_RULE.threshold());
        PointFigures plain = PointFigures.of(s, PLAIN_RULE);
        if (support < MIN_CLASS0_SUPPORT) {
            String why = "plain rule kept (" + PLAIN_RULE.describe() + ", top class): only " + support
                    + " class-0 example" + (support == 1 ? "" : "s") + ", fewer than " + MIN_CLASS0_SUPPORT;
            return new Recommendation(PLAIN_RULE, true, support, why, plain, plain);
        }
        double[] grid = ThresholdSweep.grid(200);
        Optional<SweepPoint> best = ThresholdSweep.recommend(s, grid, PLAIN_RULE, ThresholdObjective.BEST_MACRO_F1, 0);
        OperatingPoint from = best.map(OperatingPoint::of).orElse(PLAIN_RULE);
        Optional<SweepPoint> wanted = ThresholdSweep.recommend(s, grid, from, objective, bound);
        OperatingPoint chosen = wanted
                .filter(p -> p.endToEndMacroF1() >= best.orElseThrow().endToEndMacroF1() - maxTrade)
                .map(OperatingPoint::of).orElse(from);
        String why = wanted.isEmpty() ? "no point meets " + objective + " " + bound + "; best macro-F1 at "
                + chosen.describe()
                : chosen.equals(OperatingPoint.of(wanted.get())) ? objective + " " + bound + " at " + chosen.describe()
                : objective + " " + bound + " would cost more than " + maxTrade + " macro-F1; best macro-F1 at "
                        + chosen.describe();
        return new Recommendation(chosen, chosen.equals(PLAIN_RULE), support, why + " (" + support
                + " class-0 examples)", PointFigures.of(s, chosen), plain);
    }

    /** The truly out-of-topic quotes stage 1 passes at {@code threshold}: what class-0 recall is measured on. */
    public static long class0Support(CascadeScores s, double threshold) {
        long n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.truth()[i] == 0 && s.pInTopic()[i] >= threshold) {
                n++;
            }
        }
        return n;
    }

    static Estimate class0Recall(CascadeScores s, OperatingPoint p) {
        long passedOut = 0;
        long called = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.truth()[i] == 0 && s.pInTopic()[i] >= p.threshold()) {
                passedOut++;
                if (s.stage2Class(i, p.class0Threshold()) == 0) {
                    called++;
                }
            }
        }
        return Estimate.proportion(called, passedOut);
    }
}

package org.quotelab.domain.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.metrics.Estimate;
import org.quotelab.domain.metrics.ReportIntervals;
import org.quotelab.domain.metrics.Wilson;

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
     * from there, unless that costs more than {@code maxTrade} macro-F1. An "at least" objective
     * (class-0 or out-of-topic recall) must be met by the lower end of its 95 % interval, not by
     * the point estimate: a point estimate that just reaches the bound falls short on new days
     * about half the time (docs/decisions/0012-class0-threshold.md). When that costs too much, the
     * point estimate's choice is tried next. The plain rule when fewer than
     * {@link #MIN_CLASS0_SUPPORT} class-0 examples back the choice.
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
        SweepPoint best = ThresholdSweep.recommend(s, grid, PLAIN_RULE, ThresholdObjective.BEST_MACRO_F1, 0).orElseThrow();
        OperatingPoint from = OperatingPoint.of(best);
        Optional<SweepPoint> confident = confident(s, grid, from, objective, bound);
        Optional<SweepPoint> estimate = ThresholdSweep.recommend(s, grid, from, objective, bound);
        double floor = best.endToEndMacroF1() - maxTrade;
        String why;
        OperatingPoint chosen;
        if (confident.isPresent() && confident.get().endToEndMacroF1() >= floor) {
            chosen = OperatingPoint.of(confident.get());
            why = objective + " " + bound + (confident.equals(estimate) ? "" : " (lower end of the 95 % interval)")
                    + " at " + chosen.describe();
        } else if (estimate.isPresent() && estimate.get().endToEndMacroF1() >= floor) {
            chosen = OperatingPoint.of(estimate.get());
            why = objective + " " + bound + " at " + chosen.describe() + "; its lower 95 % end "
                    + (confident.isEmpty() ? "reaches the bound nowhere" : "would cost more than " + maxTrade
                            + " macro-F1");
        } else {
            chosen = from;
            why = estimate.isEmpty() ? "no point meets " + objective + " " + bound + "; best macro-F1 at "
                    + chosen.describe()
                    : objective + " " + bound + " would cost more than " + maxTrade + " macro-F1; best macro-F1 at "
                            + chosen.describe();
        }
        return new Recommendation(chosen, chosen.equals(PLAIN_RULE), support, why + " (" + support
                + " class-0 examples)", PointFigures.of(s, chosen), plain);
    }

    /**
     * As {@link ThresholdSweep#recommend}, but a recall objective counts only points whose 95 %
     * Wilson interval lies wholly at or above {@code bound}. Other objectives are unchanged.
     */
    static Optional<SweepPoint> confident(CascadeScores s, double[] grid, OperatingPoint from,
            ThresholdObjective objective, double bound) {
        if (objective == ThresholdObjective.MIN_CLASS0_RECALL) {
            long n = class0Support(s, from.threshold());
            for (double t0 : ThresholdSweep.class0Grid()) {
                SweepPoint p = ThresholdSweep.run(s, new double[] {from.threshold()}, t0).get(0);
                if (lower(p.class0Recall(), n) >= bound) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
        if (objective == ThresholdObjective.MIN_OUT_OF_TOPIC_RECALL) {
            long n = java.util.Arrays.stream(s.truth()).filter(t -> t == 0).count();
            List<SweepPoint> sure = ThresholdSweep.run(s, grid, from.class0Threshold()).stream()
                    .filter(p -> lower(p.outOfTopicRecall(), n) >= bound).toList();
            return objective.recommend(sure, bound);
        }
        return ThresholdSweep.recommend(s, grid, from, objective, bound);
    }

    private static double lower(double share, long n) {
        return n == 0 ? 0 : Wilson.interval(Math.round(share * n), n).lo();
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

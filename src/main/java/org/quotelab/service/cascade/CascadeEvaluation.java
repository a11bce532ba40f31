package org.quotelab.service.cascade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.cascade.SweepPoint;
import org.quotelab.domain.cascade.ThresholdSweep;
import org.quotelab.domain.cascade.Recommendation;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.domain.metrics.Estimate;
import org.quotelab.domain.metrics.Interval;
import org.quotelab.domain.metrics.ReportIntervals;

/**
 * Stage 1, stage 2 and end-to-end reports of a cascade on labelled quotes at one operating point.
 *
 * @param stage2 report on the quotes stage 1 passes, against their stage-2 truth (topic, or class 0
 *               for out-of-topic quotes); null when stage 1 passes nothing
 * @param point  every sweep figure at the threshold (class-0 recall, out-of-topic recall, load)
 * @param scores the calibrated scores against the truth, for intervals and the plain-rule comparison
 */
public record CascadeEvaluation(
        OperatingPoint at, ClassificationReport stage1, ClassificationReport stage2, ClassificationReport endToEnd,
        SweepPoint point, CascadeScores scores) {

    /**
     * Every figure with its support and 95 % interval.
     *
     * @param stage2 null when stage 1 passes nothing
     */
    public record Intervals(ReportIntervals stage1, ReportIntervals stage2, ReportIntervals endToEnd) {

        /** Of the truly out-of-topic quotes stage 1 passes, the share called class 0. */
        public Estimate class0Recall() {
            return stage2 == null ? Estimate.proportion(0, 0) : stage2.classes().get(0).recall();
        }

        public Estimate class0Precision() {
            return stage2 == null ? Estimate.proportion(0, 0) : stage2.classes().get(0).precision();
        }

        /** End to end: stage-1 rejections plus class 0, over all truly out-of-topic quotes. */
        public Estimate outOfTopicRecall() {
            return endToEnd.classes().get(0).recall();
        }
    }

    /** Support and intervals of every figure (bootstrap over quotes for the F1s: call it off the FX thread). */
    public Intervals intervals() {
        return new Intervals(ReportIntervals.of(stage1), stage2 == null ? null : ReportIntervals.of(stage2),
                ReportIntervals.of(endToEnd));
    }

    public static CascadeEvaluation of(CascadeOutput output, List<LabelledText> truth, OperatingPoint at) {
        double threshold = at.threshold();
        CascadeScores scores = output.against(truth, 1);
        int n = output.size();
        int[] y1 = new int[n];
        int[] p1 = new int[n];
        List<Integer> y2 = new ArrayList<>();
        List<Integer> p2 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y1[i] = truth.get(i).inTopic() ? 1 : 0;
            p1[i] = output.pInTopic()[i] >= threshold ? 1 : 0;
            if (p1[i] == 1) {
                y2.add(scores.truth()[i]);
                p2.add(scores.stage2Class(i, at.class0Threshold()));
            }
        }
        List<String> s2Labels = new ArrayList<>();
        s2Labels.add(CascadeDecision.NOT_PERTINENT);
        s2Labels.addAll(output.topics());
        ClassificationReport stage2 = y2.isEmpty() ? null : ClassificationReport.of(
                y2.stream().mapToInt(Integer::intValue).toArray(), p2.stream().mapToInt(Integer::intValue).toArray(),
                s2Labels);
        SweepPoint point = ThresholdSweep.run(scores, new double[] {threshold}, at.class0Threshold()).get(0);
        return new CascadeEvaluation(at,
                ClassificationReport.of(y1, p1, List.of(CascadeDecision.OUT_OF_TOPIC, "in-topic")),
                stage2, ThresholdSweep.report(scores, threshold, at.class0Threshold()), point, scores);
    }

    /**
     * The figures of `cascade evaluate --json`: each with {@code <key>_ci} and {@code n_<key>}, the
     * scope they were computed on, and what the plain rule (0.5, argmax) gives on the same quotes.
     */
    public Map<String, Object> summary(String scope) {
        Intervals ci = intervals();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", scope);
        m.put("threshold", at.threshold());
        m.put("class0_threshold", at.class0Threshold());
        EstimateJson.put(m, "stage1_accuracy", ci.stage1().accuracy());
        EstimateJson.put(m, "stage1_out_of_topic_f1", ci.stage1().classes().get(0).f1());
        EstimateJson.put(m, "stage2_macro_f1", ci.stage2() == null ? new Estimate(0, 0, Interval.UNKNOWN)
                : ci.stage2().macroF1());
        EstimateJson.put(m, "class0_recall", ci.class0Recall());
        EstimateJson.put(m, "class0_precision", ci.class0Precision());
        EstimateJson.put(m, "out_of_topic_recall", ci.outOfTopicRecall());
        EstimateJson.put(m, "end_to_end_accuracy", ci.endToEnd().accuracy());
        EstimateJson.put(m, "end_to_end_macro_f1", ci.endToEnd().macroF1());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (ReportIntervals.ClassIntervals c : ci.endToEnd().classes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            EstimateJson.put(row, "precision", c.precision());
            EstimateJson.put(row, "recall", c.recall());
            EstimateJson.put(row, "f1", c.f1());
            row.put("support", c.recall().n());
            perClass.put(c.label(), row);
        }
        m.put("end_to_end_per_class", perClass);
        m.put("passed", point.passed());
        Recommendation.PointFigures here = Recommendation.PointFigures.of(scores, at);
        for (int k = 0; k < here.topics().size(); k++) {
            EstimateJson.put(m, "recall_" + here.topics().get(k), here.topicRecall().get(k));
        }
        EstimateJson.put(m, "plain_rule_", Recommendation.PointFigures.of(scores, Recommendation.PLAIN_RULE));
        m.put("class0_support", Recommendation.class0Support(scores, Recommendation.PLAIN_RULE.threshold()));
        return m;
    }
}

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
import org.quotelab.domain.metrics.ClassMetrics;
import org.quotelab.domain.metrics.ClassificationReport;

/**
 * Stage 1, stage 2 and end-to-end reports of a cascade on labelled quotes at one operating point.
 *
 * @param stage2 report on the quotes stage 1 passes, against their stage-2 truth (topic, or class 0
 *               for out-of-topic quotes); null when stage 1 passes nothing
 * @param point  every sweep figure at the threshold (class-0 recall, out-of-topic recall, load)
 */
public record CascadeEvaluation(
        OperatingPoint at, ClassificationReport stage1, ClassificationReport stage2, ClassificationReport endToEnd,
        SweepPoint point) {

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
                stage2, ThresholdSweep.report(scores, threshold, at.class0Threshold()), point);
    }

    /** The figures of `cascade evaluate --json`. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", at.threshold());
        m.put("class0_threshold", at.class0Threshold());
        m.put("stage1_accuracy", stage1.accuracy());
        m.put("stage1_out_of_topic_f1", stage1.classes().get(0).f1());
        m.put("stage2_macro_f1", stage2 == null ? 0.0 : stage2.macro().f1());
        m.put("class0_recall", point.class0Recall());
        m.put("class0_precision", point.class0Precision());
        m.put("out_of_topic_recall", point.outOfTopicRecall());
        m.put("end_to_end_accuracy", endToEnd.accuracy());
        m.put("end_to_end_macro_f1", endToEnd.macro().f1());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (ClassMetrics c : endToEnd.classes()) {
            perClass.put(c.label(), Map.of("precision", c.precision(), "recall", c.recall(), "f1", c.f1(),
                    "support", c.support()));
        }
        m.put("end_to_end_per_class", perClass);
        m.put("passed", point.passed());
        return m;
    }
}

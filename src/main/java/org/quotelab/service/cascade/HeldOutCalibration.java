package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.calibration.ReliabilityDiagram;
import org.quotelab.domain.calibration.TemperatureScaling;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.Recommendation;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.ml.model.ComputeDevice;

/**
 * The seed construction's calibration: it has no out-of-fold scores, so the temperatures and the
 * operating point come from the part of the labelled quotes it held out of training.
 */
final class HeldOutCalibration {

    /** The calibrated cascade and the recommendation it carries. */
    record Calibrated(CascadeModel model, Recommendation recommendation) {
    }

    private final int maxLength;
    private final int batchSize;
    private final ComputeDevice device;

    HeldOutCalibration(int maxLength, int batchSize, ComputeDevice device) {
        this.maxLength = maxLength;
        this.batchSize = batchSize;
        this.device = device;
    }

    /** Temperatures and the operating point from {@code valid}, with {@code base} facts added to the model's. */
    Calibrated calibrate(Path out, List<String> topics, List<LabelledText> valid, CascadeConfig cfg,
            Map<String, Object> base) throws IOException {
        CascadeModel uncalibrated = new CascadeModel(topics, "stage1", "stage2", 1.0, 1.0, 0.5, null,
                cfg.construction().name(), Map.of());
        uncalibrated.write(out);
        double t1;
        double t2;
        Map<String, Object> facts = new LinkedHashMap<>();
        try (VersionScorer s1 = VersionScorer.open(out.resolve("stage1"), maxLength, batchSize, device);
             VersionScorer s2 = VersionScorer.open(out.resolve("stage2"), maxLength, batchSize, device)) {
            float[][] p1 = s1.probabilities(CascadeTrainer.texts(valid));
            int[] y1 = valid.stream().mapToInt(q -> s1.labels().indexOf(q.inTopic() ? "1" : "0")).toArray();
            t1 = TemperatureScaling.fit(toDouble(p1), y1);
            // Stage 2 is calibrated on what it sees in use: the validation quotes stage 1 passes.
            float[][] p2 = s2.probabilities(CascadeTrainer.texts(valid));
            int positive = s1.labels().indexOf("1");
            List<double[]> rows = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            for (int i = 0; i < valid.size(); i++) {
                LabelledText q = valid.get(i);
                int y = s2.labels().indexOf(q.inTopic() ? q.topic() : CascadeModel.NOT_PERTINENT);
                if (p1[i][positive] >= 0.5 && y >= 0) {
                    rows.add(CascadeScorer.toDouble(p2[i]));
                    ys.add(y);
                }
            }
            double[][] r2 = rows.toArray(double[][]::new);
            int[] y2 = ys.stream().mapToInt(Integer::intValue).toArray();
            t2 = TemperatureScaling.fit(r2, y2);
            facts.put("stage1_ece_before", ReliabilityDiagram.of(toDouble(p1), y1, 15).expectedCalibrationError());
            facts.put("stage1_ece_after",
                    ReliabilityDiagram.of(TemperatureScaling.apply(toDouble(p1), t1), y1, 15).expectedCalibrationError());
            facts.put("stage2_ece_before", ReliabilityDiagram.of(r2, y2, 15).expectedCalibrationError());
            facts.put("stage2_ece_after",
                    ReliabilityDiagram.of(TemperatureScaling.apply(r2, t2), y2, 15).expectedCalibrationError());
        }
        facts.putAll(base);
        facts.put("validation_quotes", valid.size());
        CascadeModel calibrated = new CascadeModel(topics, "stage1", "stage2", t1, t2, 0.5, null,
                cfg.construction().name(), facts);
        calibrated.write(out);
        Recommendation r = recommend(out, valid, cfg.objective());
        Map<String, Object> all = new LinkedHashMap<>(facts);
        all.putAll(OutOfFold.facts(r, "held-out part", valid.size()));
        return new Calibrated(new CascadeModel(topics, "stage1", "stage2", t1, t2, 0.5, null,
                cfg.construction().name(), all).withOperatingPoint(r.point()), r);
    }

    /** The recommendation on the held-out part (the seed's construction has no out-of-fold scores). */
    private Recommendation recommend(Path out, List<LabelledText> valid, CascadeConfig.Objective objective)
            throws IOException {
        try (CascadeScorer scorer = CascadeScorer.open(out, maxLength, batchSize, device)) {
            CascadeScores scores = scorer.score(CascadeTrainer.texts(valid)).against(valid, 1);
            return Recommendation.choose(scores, objective.kind(), objective.bound(), CascadeTrainer.MAX_MACRO_F1_TRADE);
        }
    }

    private static double[][] toDouble(float[][] p) {
        double[][] d = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            d[i] = CascadeScorer.toDouble(p[i]);
        }
        return d;
    }
}

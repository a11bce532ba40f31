package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.calibration.ReliabilityDiagram;
import org.quotelab.domain.calibration.TemperatureScaling;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.Recommendation;
import org.quotelab.ml.versions.ModelFolders;

/**
 * Calibration and the operating point from out-of-fold scores: each training quote scored by the
 * stage-1 and stage-2 models of the cross-fitting fold that did not see it. Over all training
 * quotes these are honest scores, so the temperatures and the thresholds are fitted on several
 * times more quotes than a held-out part would leave, and the final stages still learn every quote.
 */
final class OutOfFold {

    /** The calibration {@link #fit} finds: both temperatures, the recommendation and the facts for cascade.json. */
    record Fitted(double t1, double t2, Recommendation recommendation, Map<String, Object> facts,
            CascadeScores scores, double[][] stage2) {

        /**
         * Writes every training quote's calibrated out-of-fold scores beside cascade.json, in
         * training order: what the operating point was chosen on, kept so that it can be audited
         * or chosen again under another objective without training again.
         *
         * @param distances out-of-fold unfamiliar distances, or null when none were measured
         */
        void write(Path folder, double[] distances) throws IOException {
            List<String> header = new ArrayList<>(List.of("row", "truth", "p_in_topic", "p_not_pertinent"));
            scores.topics().forEach(t -> header.add("p_" + t));
            if (distances != null) {
                header.add("unfamiliar_distance");
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get();
            ModelFolders.replaceFile(folder.resolve(FILE), file -> {
                try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format)) {
                    for (int i = 0; i < scores.size(); i++) {
                        List<Object> row = new ArrayList<>();
                        int y = scores.truth()[i];
                        row.add(i);
                        row.add(y == 0 ? "out-of-topic" : scores.topics().get(y - 1));
                        row.add(scores.pInTopic()[i]);
                        for (double v : stage2[i]) {
                            row.add(v);
                        }
                        if (distances != null) {
                            row.add(distances[i]);
                        }
                        out.printRecord(row);
                    }
                }
            });
        }
    }

    /** The out-of-fold scores' file in a cascade folder. */
    static final String FILE = "out_of_fold.csv";

    private OutOfFold() {
    }

    /** Stage 1's decision at even odds on each quote, from its raw out-of-fold [P(out), P(in)]. */
    static boolean[] passed(double[][] oof1) {
        boolean[] passed = new boolean[oof1.length];
        for (int i = 0; i < oof1.length; i++) {
            passed[i] = oof1[i][1] >= 0.5;
        }
        return passed;
    }

    /**
     * @param oof1 raw stage-1 rows [P(out), P(in)] per quote
     * @param oof2 raw stage-2 rows in cascade order [not pertinent, topic 1..K] per quote
     */
    static Fitted fit(List<String> topics, List<LabelledText> quotes, double[][] oof1, double[][] oof2,
            CascadeConfig.Objective objective, double maxTrade) {
        int n = quotes.size();
        int[] y1 = new int[n];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            LabelledText q = quotes.get(i);
            y1[i] = q.inTopic() ? 1 : 0;
            truth[i] = q.inTopic() ? topics.indexOf(q.topic()) + 1 : 0;
        }
        double t1 = TemperatureScaling.fit(oof1, y1);
        // stage 2 is calibrated on what it sees in use: the quotes stage 1 passes
        List<double[]> rows = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (oof1[i][1] >= 0.5) {
                rows.add(oof2[i]);
                ys.add(truth[i]);
            }
        }
        double[][] r2 = rows.toArray(double[][]::new);
        int[] y2 = ys.stream().mapToInt(Integer::intValue).toArray();
        double t2 = TemperatureScaling.fit(r2, y2);
        double[] p = new double[n];
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = TemperatureScaling.apply(oof1[i], t1)[1];
            q[i] = TemperatureScaling.apply(oof2[i], t2);
        }
        CascadeScores scores = new CascadeOutput(topics, p, q).against(quotes, 1);
        Recommendation r = Recommendation.choose(scores, objective.kind(), objective.bound(), maxTrade);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("stage1_ece_before", ReliabilityDiagram.of(oof1, y1, 15).expectedCalibrationError());
        facts.put("stage1_ece_after",
                ReliabilityDiagram.of(TemperatureScaling.apply(oof1, t1), y1, 15).expectedCalibrationError());
        facts.put("stage2_ece_before", ReliabilityDiagram.of(r2, y2, 15).expectedCalibrationError());
        facts.put("stage2_ece_after",
                ReliabilityDiagram.of(TemperatureScaling.apply(r2, t2), y2, 15).expectedCalibrationError());
        facts.putAll(facts(r, "out-of-fold", n));
        return new Fitted(t1, t2, r, facts, scores, q);
    }

    /**
     * What the recommendation rests on and costs, for cascade.json: the support, the reason, and
     * end-to-end macro-F1 and every topic's recall at the point and under the plain rule.
     */
    static Map<String, Object> facts(Recommendation r, String on, int quotes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calibration", on);
        m.put("calibration_quotes", quotes);
        m.put("class0_support", r.class0Support());
        m.put("min_class0_support", Recommendation.MIN_CLASS0_SUPPORT);
        m.put("plain_rule", r.plainRule());
        m.put("recommendation", r.reason());
        // what a later fine-tune must beat to replace this cascade (the quick start's rule)
        m.put(CascadeTrainer.VALIDATION_MACRO_F1, r.at().macroF1().value());
        EstimateJson.put(m, "recommended_", r.at());
        EstimateJson.put(m, "plain_rule_", r.plain());
        return m;
    }
}

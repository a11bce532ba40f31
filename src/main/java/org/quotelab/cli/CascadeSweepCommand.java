package org.quotelab.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.cascade.Recommendation;
import org.quotelab.domain.cascade.SweepPoint;
import org.quotelab.domain.cascade.ThresholdObjective;
import org.quotelab.domain.cascade.ThresholdSweep;
import org.quotelab.service.cascade.CascadeOutput;
import org.quotelab.service.cascade.CascadeScorer;
import org.quotelab.service.cascade.EstimateJson;
import org.quotelab.service.cascade.EvaluationScope;
import org.quotelab.domain.metrics.Estimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** quotelab cascade sweep: every threshold's figures to CSV, and the recommended operating point. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Sweep the stage-1 threshold on labelled rows, write the figures to CSV and recommend an"
                + " operating point (stage-1 and class-0 thresholds).")
public final class CascadeSweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    CascadeCsv csv;
    @Option(names = "--model", required = true)
    Path model;
    @Option(names = "--out", required = true, description = "CSV file for the sweep.")
    Path out;
    @Option(names = "--steps", defaultValue = "1000")
    int steps;
    @Option(names = "--objective", defaultValue = "BEST_MACRO_F1",
            description = "BEST_MACRO_F1, MIN_CLASS0_RECALL, MIN_OUT_OF_TOPIC_RECALL or MAX_TOPIC_RECALL_LOST.")
    ThresholdObjective objective;
    @Option(names = "--bound", defaultValue = "0", description = "The objective's bound, e.g. 0.5 for a minimum recall.")
    double bound;
    @Option(names = "--threshold", description = "Stage-1 threshold the class-0 objective starts from;"
            + " default: the cascade's recommended one.")
    Double threshold;
    @Option(names = "--class0-threshold", description = "Class-0 threshold of the CSV, and the one the stage-1"
            + " objectives start from (1 = stage 2's top class, the seed's rule); default: the cascade's recommended one.")
    Double class0Threshold;
    @Option(names = "--json", description = "Print one JSON object: the recommended point and, with 95 %% intervals"
            + " (<key>_ci) and support (n_<key>), its end-to-end macro-F1 and recall per topic against the plain"
            + " rule's (plain_rule_end_to_end_macro_f1, ...).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<LabelledText> quotes = csv.read();
        CascadeOutput o;
        OperatingPoint from;
        try (CascadeScorer scorer = CascadeScorer.open(model, 128, 64)) {
            o = scorer.score(quotes.stream().map(LabelledText::text).toList());
            from = scorer.model().operatingPoint().orGiven(threshold, class0Threshold);
        }
        double csvClass0 = from.class0Threshold();
        CascadeScores scores = o.against(quotes, 1);
        double[] grid = ThresholdSweep.grid(steps);
        List<SweepPoint> sweep = ThresholdSweep.run(scores, grid, csvClass0);
        write(sweep, o.topics());
        PrintWriter w = spec.commandLine().getOut();
        long support = Recommendation.class0Support(scores, from.threshold());
        // a class-0 threshold tuned on a handful of class-0 quotes lands anywhere: refuse, and say why
        boolean thin = objective == ThresholdObjective.MIN_CLASS0_RECALL && support < Recommendation.MIN_CLASS0_SUPPORT;
        Optional<SweepPoint> found = thin ? Optional.empty()
                : ThresholdSweep.recommend(scores, grid, from, objective, bound);
        OperatingPoint chosen = found.map(OperatingPoint::of).orElse(Recommendation.PLAIN_RULE);
        String reason = thin ? "plain rule kept: only " + support + " class-0 examples, fewer than "
                + Recommendation.MIN_CLASS0_SUPPORT
                : found.isPresent() ? objective + " " + bound + " at " + chosen.describe()
                : "no operating point meets " + objective + " " + bound + "; plain rule kept";
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scope", EvaluationScope.EXTERNAL_FILE);
            m.put("objective", objective.name());
            m.put("bound", bound);
            m.put("recommended", found.isPresent());
            m.put("reason", reason);
            m.put("threshold", chosen.threshold());
            m.put("class0_threshold", chosen.class0Threshold());
            m.put("class0_support", support);
            m.put("min_class0_support", Recommendation.MIN_CLASS0_SUPPORT);
            EstimateJson.put(m, "", Recommendation.PointFigures.of(scores, chosen));
            EstimateJson.put(m, "plain_rule_", Recommendation.PointFigures.of(scores, Recommendation.PLAIN_RULE));
            w.println(Json.MAPPER.writeValueAsString(m));
        } else {
            w.printf(Locale.ROOT, "wrote %d thresholds at class-0 threshold %.2f to %s (scope: %s)%n", sweep.size(),
                    csvClass0, out, EvaluationScope.EXTERNAL_FILE);
            w.println(reason);
            Recommendation.PointFigures at = Recommendation.PointFigures.of(scores, chosen);
            Recommendation.PointFigures plain = Recommendation.PointFigures.of(scores, Recommendation.PLAIN_RULE);
            w.printf(Locale.ROOT, "%-28s %-34s %s%n", "", chosen.describe(), "plain rule (0.5, top class)");
            line(w, "end-to-end macro-F1", at.macroF1(), plain.macroF1());
            line(w, "out-of-topic recall", at.outOfTopicRecall(), plain.outOfTopicRecall());
            line(w, "class-0 recall", at.class0Recall(), plain.class0Recall());
            for (int k = 0; k < at.topics().size(); k++) {
                line(w, "recall " + at.topics().get(k), at.topicRecall().get(k), plain.topicRecall().get(k));
            }
            found.ifPresent(p -> w.printf(Locale.ROOT, "passed %d%n", p.passed()));
        }
        w.flush();
        return 0;
    }

    private static void line(PrintWriter w, String name, Estimate at, Estimate plain) {
        w.printf(Locale.ROOT, "%-28s %-34s %s%n", name, at.format(), plain.format());
    }

    private void write(List<SweepPoint> sweep, List<String> topics) throws Exception {
        List<String> header = new ArrayList<>(List.of("threshold", "class0_threshold", "stage1_precision", "stage1_recall", "stage1_f1",
                "stage1_accuracy", "class0_recall", "class0_precision", "out_of_topic_recall", "end_to_end_accuracy",
                "end_to_end_macro_f1", "passed", "passed_per_day"));
        topics.forEach(t -> header.add("recall_lost_" + t));
        try (BufferedWriter bw = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(bw, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (SweepPoint s : sweep) {
                List<Object> row = new ArrayList<>(List.of(s.threshold(), s.class0Threshold(), s.stage1Precision(), s.stage1Recall(),
                        s.stage1F1(), s.stage1Accuracy(), s.class0Recall(), s.class0Precision(), s.outOfTopicRecall(),
                        s.endToEndAccuracy(), s.endToEndMacroF1(), s.passed(), s.passedPerDay()));
                for (double v : s.topicRecallLost()) {
                    row.add(v);
                }
                p.printRecord(row);
            }
        }
    }
}

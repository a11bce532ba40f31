package org.quotelab.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.cascade.SweepPoint;
import org.quotelab.domain.cascade.ThresholdObjective;
import org.quotelab.domain.cascade.ThresholdSweep;
import org.quotelab.service.cascade.CascadeOutput;
import org.quotelab.service.cascade.CascadeScorer;
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
        w.printf(Locale.ROOT, "wrote %d thresholds at class-0 threshold %.2f to %s%n", sweep.size(), csvClass0, out);
        ThresholdSweep.recommend(scores, grid, from, objective, bound).ifPresentOrElse(p -> w.printf(Locale.ROOT,
                "recommended %s (%s %s): end-to-end macro-F1 %.4f, class-0 recall %.4f, "
                        + "out-of-topic recall %.4f, passed %d%n",
                OperatingPoint.of(p).describe(), objective, bound, p.endToEndMacroF1(), p.class0Recall(),
                p.outOfTopicRecall(), p.passed()),
                () -> w.printf("no operating point meets %s %s%n", objective, bound));
        w.flush();
        return 0;
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

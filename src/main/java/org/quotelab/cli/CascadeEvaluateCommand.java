package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.service.cascade.CascadeEvaluation;
import org.quotelab.service.cascade.CascadeOutput;
import org.quotelab.service.cascade.CascadeScorer;
import org.quotelab.service.cascade.EvaluationScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** quotelab cascade evaluate: stage 1, stage 2 and end-to-end reports on labelled rows. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Print stage-1, stage-2 and end-to-end reports of a cascade on labelled CSV rows.")
public final class CascadeEvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    CascadeCsv csv;
    @Option(names = "--model", required = true, description = "A cascade folder (from cascade train).")
    Path model;
    @Option(names = "--threshold", description = "Stage-1 threshold; default: the cascade's recommended one.")
    Double threshold;
    @Option(names = "--class0-threshold", description = "Call a passed quote class 0 from this P(not pertinent) on;"
            + " 1 = only when it is stage 2's top class (the seed's rule). Default: the cascade's recommended one.")
    Double class0Threshold;
    @Option(names = "--json", description = "One JSON object with scope, end_to_end_macro_f1, class0_recall, ..."
            + " and for each figure <key>_ci (95 %% interval) and n_<key> (its support).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<LabelledText> quotes = csv.read();
        CascadeEvaluation e;
        try (CascadeScorer scorer = CascadeScorer.open(model, 128, 64)) {
            CascadeOutput out = scorer.score(quotes.stream().map(LabelledText::text).toList());
            OperatingPoint at = scorer.model().operatingPoint().orGiven(threshold, class0Threshold);
            e = CascadeEvaluation.of(out, quotes, at);
        }
        PrintWriter w = spec.commandLine().getOut();
        // a CSV is not the store: what the cascade saw of it is not known, so the scope is the file
        Map<String, Object> summary = e.summary(EvaluationScope.EXTERNAL_FILE);
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(summary));
        } else {
            w.printf(Locale.ROOT, "%d labelled rows of %s, %s; scope: %s%n%n", quotes.size(), csv.data,
                    e.at().describe(), EvaluationScope.EXTERNAL_FILE);
            w.println("Stage 1 (in-topic vs out-of-topic)");
            w.println(e.stage1().format());
            if (e.stage2() != null) {
                w.println("Stage 2 on the quotes stage 1 passed (class 0 = not pertinent)");
                w.println(e.stage2().format());
            }
            w.println("End to end (stage-1 rejections and class 0 both count as out-of-topic)");
            w.println(e.endToEnd().format());
            FigureLines.print(w, summary);
        }
        w.flush();
        return 0;
    }
}

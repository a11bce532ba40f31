package org.quotelab.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.cli.Json;
import org.quotelab.cli.QuoteCsv;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.train.BertModels;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.train.FineTuner;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.model.NonFiniteModelException;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * quotelab bench stability: many short fine-tunes in a row, each from a fresh model, with a forced
 * GC between forward and backward at every step: the condition that turned DJL weights NaN.
 */
@Command(name = "stability", mixinStandardHelpOptions = true,
        description = "Run short fine-tunes in a row with GCs between forward and backward; count NaN runs.")
public final class BenchStabilityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** A labelled CSV. */
    @Mixin
    BenchData data;
    @Option(names = "--label-column", defaultValue = "label")
    String labelColumn;
    @Option(names = "--base", defaultValue = "bundled")
    String base;
    @Option(names = "--runs", defaultValue = "20")
    int runs;
    @Option(names = "--rows", defaultValue = "64", description = "Rows per fine-tune (one epoch).")
    int rows;
    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        List<QuoteCsv.Row> all = QuoteCsv.labelled(
                QuoteCsv.read(data.file(), "quote_text", labelColumn, null, null));
        LabelMap labels = LabelMap.fromValues(QuoteCsv.labels(all));
        int nanRuns = 0;
        int skipped = 0;
        long started = System.nanoTime();
        for (int run = 0; run < runs; run++) {
            // Each run takes a different slice and seed.
            int from = (run * rows) % Math.max(1, all.size() - rows);
            List<QuoteCsv.Row> slice = all.subList(from, Math.min(all.size(), from + rows));
            TrainingConfig cfg = TrainingConfig.builder().epochs(1).batchSize(16).learningRate(5e-5).seed(run).build();
            try (ClassifierModel model = BertModels.open(base, labels.size(), cfg, ComputeDevice.AUTO)) {
                List<EncodedExample> examples = model.encoder().encodeAll(QuoteCsv.texts(slice),
                        labels.indexes(QuoteCsv.labels(slice)));
                TrainingResult r = new FineTuner(cfg, null, null, System::gc)
                        .fit(model.net(), examples, examples, labels.labels(), CancellationToken.none());
                skipped += r.skippedSteps();
                boolean nan = r.skippedSteps() > 0 || !Double.isFinite(r.epochs().get(0).meanLoss());
                nanRuns += nan ? 1 : 0;
                w.printf(Locale.ROOT, "run %2d: loss %.4f, skipped steps %d%s%n", run + 1, r.epochs().get(0).meanLoss(),
                        r.skippedSteps(), nan ? "  <-- NaN" : "");
            } catch (NonFiniteModelException e) {
                nanRuns++;
                w.printf(Locale.ROOT, "run %2d: non-finite weights%n", run + 1);
            }
            w.flush();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runs", runs);
        result.put("nan_runs", nanRuns);
        result.put("skipped_steps", skipped);
        result.put("seconds", Math.round((System.nanoTime() - started) / 1e9));
        w.println(json ? Json.MAPPER.writeValueAsString(result)
                : String.format(Locale.ROOT, "%d runs, %d with NaN, %d skipped steps", runs, nanRuns, skipped));
        w.flush();
        return nanRuns == 0 ? 0 : 1;
    }
}

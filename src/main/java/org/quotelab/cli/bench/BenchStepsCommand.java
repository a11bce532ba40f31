package org.quotelab.cli.bench;

import org.quotelab.cli.Json;
import org.quotelab.cli.QuoteCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.Devices;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.train.StepExport;
import org.quotelab.ml.train.TrainingBenchmark;
import org.quotelab.ml.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * quotelab bench steps: milliseconds per training step on the length-grouped batches, with the
 * initial weights and the batches written to --out first, so that bench/reference can repeat the
 * very same steps in plain PyTorch and compare.
 */
@Command(name = "steps", mixinStandardHelpOptions = true,
        description = "ms per fine-tuning step on length-grouped batches; --out also writes weights and batches "
                + "for the plain-PyTorch reference (bench/reference/run).")
public final class BenchStepsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** A labelled CSV. */
    @Mixin
    BenchData data;
    @Option(names = "--label-column", defaultValue = "label")
    String labelColumn;
    @Option(names = "--out", paramLabel = "DIR", description = "Write model.safetensors and steps.json here.")
    Path out;
    @Option(names = "--steps", defaultValue = "20")
    int steps;
    @Option(names = "--warmup-steps", defaultValue = "3")
    int warmupSteps;
    @Option(names = "--batch-size", defaultValue = "16")
    int batchSize;
    @Option(names = "--dropout", defaultValue = "0.1",
            description = "0 makes the steps deterministic, so bench/reference can compare the losses step by step.")
    double dropout;
    @Option(names = "--pooling", defaultValue = "cls", description = "cls (BERT pooler) or mean.")
    String pooling;
    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path file = data.file();
        List<QuoteCsv.Row> rows = QuoteCsv.labelled(QuoteCsv.read(file, "quote_text", labelColumn, null, null));
        LabelMap labels = LabelMap.fromValues(QuoteCsv.labels(rows));
        TrainingConfig cfg = TrainingConfig.builder().batchSize(batchSize).maxLength(128).dropout(dropout)
                .clsPooler(!"mean".equalsIgnoreCase(pooling)).build();
        TrainingBenchmark.Timing timing;
        String engine;
        try (ClassifierModel model = BertModels.open(BertModels.BUNDLED, labels.size(), cfg,
                ComputeDevice.AUTO)) {
            List<EncodedExample> examples = model.encoder().encodeAll(QuoteCsv.texts(rows),
                    labels.indexes(QuoteCsv.labels(rows)));
            if (out != null) {
                StepExport.write(model, examples, cfg, out);
            }
            timing = TrainingBenchmark.run(model.net(), examples, cfg, warmupSteps, steps);
            engine = Devices.describeEngine();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("quotelab_ms_per_step", Math.round(timing.msPerStep() * 10) / 10.0);
        result.put("samples_per_s", Math.round(timing.samplesPerSecond() * 100) / 100.0);
        result.put("steps", steps);
        result.put("warmup_steps", warmupSteps);
        result.put("engine", engine);
        result.put("losses", Arrays.stream(timing.losses()).map(l -> Math.round(l * 1e6) / 1e6).toArray());
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(result));
        } else {
            w.printf(Locale.ROOT, "%d steps of batch %d from %s: %.1f ms per step (%s)%n", steps, batchSize, file,
                    timing.msPerStep(), engine);
        }
        w.flush();
        return 0;
    }
}

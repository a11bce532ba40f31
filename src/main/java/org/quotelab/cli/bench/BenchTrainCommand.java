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
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.text.PaddingMode;
import org.quotelab.ml.train.TrainingBenchmark;
import org.quotelab.ml.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * quotelab bench train: fine-tuning samples/s with length-grouped batches against the seed's
 * fixed 128-token padding, in the same process on the same model and data, plus peak memory.
 * The length-grouped run goes first, so the peak read after it is that of QuoteLab's batching
 * (widest batch included); the seed's padding then adds its own, reported apart.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fine-tuning throughput: length-grouped batches vs fixed 128-token padding, and peak RSS.")
public final class BenchTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** A labelled CSV. */
    @Mixin
    BenchData data;
    @Option(names = "--text-column", defaultValue = "quote_text")
    String textColumn;
    @Option(names = "--label-column", defaultValue = "label")
    String labelColumn;
    @Option(names = "--base", defaultValue = "bundled")
    String base;
    @Option(names = "--steps", defaultValue = "20", description = "Timed steps per mode.")
    int steps;
    @Option(names = "--warmup-steps", defaultValue = "2")
    int warmupSteps;
    @Option(names = "--batch-size", defaultValue = "16")
    int batchSize;
    @Option(names = "--json")
    boolean json;
    /** The length-grouped steps are timed again under load. */
    @Mixin
    BenchLoad load;

    @Override
    public Integer call() throws Exception {
        Path file = data.file();
        List<QuoteCsv.Row> rows = QuoteCsv.labelled(QuoteCsv.read(file, textColumn, labelColumn, null, null));
        LabelMap labels = LabelMap.fromValues(QuoteCsv.labels(rows));
        TrainingConfig bucketed = TrainingConfig.builder().batchSize(batchSize).maxLength(128).build();
        TrainingConfig fixed = bucketed.toBuilder().paddingMode(PaddingMode.FIXED).build();
        TrainingBenchmark.Timing length;
        TrainingBenchmark.Timing fixedTiming;
        double lengthRate;
        double fixedRate;
        double contendedRate = Double.NaN;
        long peak;
        try (ClassifierModel model = BertModels.open(base, labels.size(), bucketed,
                ComputeDevice.AUTO)) {
            List<EncodedExample> examples = model.encoder().encodeAll(QuoteCsv.texts(rows),
                    labels.indexes(QuoteCsv.labels(rows)));
            length = TrainingBenchmark.run(model.net(), examples, bucketed, warmupSteps, steps);
            lengthRate = length.samplesPerSecond();
            // The resident high-water mark only grows: read now, it is the peak of QuoteLab's own way.
            peak = peakRssMb();
            if (load.wanted()) {
                try (Contention busy = load.start()) {
                    contendedRate = TrainingBenchmark.samplesPerSecond(model.net(), examples, bucketed, warmupSteps,
                            steps);
                }
            }
            fixedTiming = TrainingBenchmark.run(model.net(), examples, fixed, warmupSteps, steps);
            fixedRate = fixedTiming.samplesPerSecond();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("samples_per_s", round(lengthRate));
        result.put("fixed128_samples_per_s", round(fixedRate));
        result.put("ratio", round(lengthRate / fixedRate));
        if (load.wanted()) {
            result.put("contend", load.cores);
            result.put("contended_samples_per_s", round(contendedRate));
            result.put("contended_ratio", round(contendedRate / lengthRate));
        }
        result.put("step_ms", phases(length));
        result.put("fixed128_step_ms", phases(fixedTiming));
        result.put("peak_rss_mb", peak);
        result.put("fixed128_peak_rss_mb", peakRssMb());
        result.put("steps", steps);
        result.put("batch_size", batchSize);
        result.put("rows", rows.size());
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(result));
        } else {
            w.printf(Locale.ROOT, "fine-tuning %s on %d rows of %s, batch %d, %d timed steps per mode%n", base,
                    rows.size(), file, batchSize, steps);
            w.printf(Locale.ROOT, "length-grouped batches: %8.1f samples/s%n", lengthRate);
            w.printf(Locale.ROOT, "fixed 128 padding:      %8.1f samples/s%n", fixedRate);
            w.printf(Locale.ROOT, "ratio %.2fx (goal >= 5x)%n", lengthRate / fixedRate);
            if (load.wanted()) {
                w.printf(Locale.ROOT, "length-grouped, %d core(s) busy: %8.1f samples/s, %.2fx quiet (goal >= 0.45x)%n",
                        load.cores, contendedRate, contendedRate / lengthRate);
            }
            w.printf(Locale.ROOT, "ms per step, length-grouped: %s%n", phases(length));
            w.printf(Locale.ROOT, "ms per step, fixed 128:      %s%n", phases(fixedTiming));
            w.printf(Locale.ROOT, "peak RSS %d MB with length-grouped batches (goal <= 2048), %d MB after fixed 128%n",
                    peak, peakRssMb());
        }
        w.flush();
        return 0;
    }

    /** Wall-clock ms per step of each part: what does not shrink with the tokens is the fixed cost. */
    private static Map<String, Double> phases(TrainingBenchmark.Timing t) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < TrainingBenchmark.PHASES.size(); k++) {
            out.put(TrainingBenchmark.PHASES.get(k), Math.round(t.phaseMs()[k] * 10) / 10.0);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** VmHWM: the resident set's high-water mark, or -1 where /proc is missing. */
    static long peakRssMb() {
        return ResidentMemory.peakMb();
    }
}

package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.ClassWeighting;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.Construction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** quotelab cascade train: both stages, calibration and a recommended threshold, into one folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train stage 1 and stage 2 on labelled CSV rows; calibrate and recommend a threshold.")
public final class CascadeTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    CascadeCsv csv;
    @Option(names = "--out", required = true, description = "New folder for the cascade.")
    Path out;
    @Option(names = "--base", defaultValue = BertModels.BUNDLED, description = "bundled, tiny or a Hugging Face folder.")
    String base;
    @Option(names = "--construction", defaultValue = "CROSS_FIT", description = "SEED or CROSS_FIT.")
    Construction construction;
    @Option(names = "--folds", defaultValue = "3")
    int folds;
    @Option(names = "--validation-fraction", defaultValue = "0.15")
    double validationFraction;
    @Option(names = "--epochs", defaultValue = "3")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "16")
    int batchSize;
    @Option(names = "--lr", defaultValue = "5e-5")
    double lr;
    @Option(names = "--seed", defaultValue = "42")
    long seed;
    @Option(names = "--class-weights", defaultValue = "sqrt", description = "none, inverse or sqrt.")
    String classWeights;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        List<LabelledText> quotes = csv.read();
        TrainingConfig t = TrainingConfig.builder().epochs(epochs).batchSize(batchSize).learningRate(lr).seed(seed)
                .classWeighting(ClassWeighting.parse(classWeights)).build();
        CascadeConfig cfg = new CascadeConfig(base, t, t, construction, folds, validationFraction, seed);
        TrainingProgress progress = new TrainingProgress(w);
        long start = System.nanoTime();
        CascadeModel m = new CascadeTrainer(progress, phase -> {
            w.printf("%n== %s%n", phase);
            w.flush();
        }).train(quotes, cfg, out, () -> false);
        w.printf(Locale.ROOT, "%ncascade written to %s in %.1f min%n", out, (System.nanoTime() - start) / 6e10);
        w.printf(Locale.ROOT, "topics %s%ntemperatures: stage 1 %.3f, stage 2 %.3f; recommended threshold %.3f%n",
                m.topics(), m.stage1Temperature(), m.stage2Temperature(), m.threshold());
        w.println("facts " + m.facts());
        w.flush();
        return 0;
    }
}

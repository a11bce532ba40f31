package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.ThresholdObjective;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.training.BaseModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** quotelab cascade train: both stages, calibration and a recommended threshold, into one folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train stage 1 and stage 2 on labelled CSV rows; calibrate and recommend an operating point.")
public final class CascadeTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    CascadeCsv csv;
    @Option(names = "--out", required = true, description = "New folder for the cascade.")
    Path out;
    @Option(names = "--base", defaultValue = BaseModels.BUNDLED, description = "bundled, tiny or a Hugging Face folder.")
    String base;
    @Option(names = "--construction", defaultValue = "CROSS_FIT", description = "SEED or CROSS_FIT.")
    Construction construction;
    @Option(names = "--folds", defaultValue = "3")
    int folds;
    @Option(names = "--validation-fraction", defaultValue = "0.15")
    double validationFraction;
    @Option(names = "--stage1", paramLabel = "DIR", description = "Reuse this trained stage-1 version instead of training one.")
    Path stage1Version;
    @Option(names = "--recipe", paramLabel = "NAME", description = "Stage-1 preset: reference, cls-holdout or lp-ft"
            + " (default: the product's stage-1 recipe). --epochs, --lr and --class-weights override its values.")
    String recipe;
    @Option(names = "--epochs", description = "Stage-1 epochs (default: the recipe's).")
    Integer epochs;
    @Option(names = "--batch-size", defaultValue = "16")
    int batchSize;
    @Option(names = "--lr", description = "Stage-1 learning rate (default: the recipe's).")
    Double lr;
    @Option(names = "--class-weights", description = "Stage 1: none, inverse or sqrt (default: the recipe's).")
    String classWeights;
    @Option(names = "--stage2-epochs", defaultValue = "5")
    int epochs2;
    @Option(names = "--stage2-lr", defaultValue = "1e-4")
    double lr2;
    @Option(names = "--stage2-class-weights", defaultValue = "inverse")
    String classWeights2;
    @Option(names = "--seed", defaultValue = "42")
    long seed;
    @Option(names = "--objective", defaultValue = "MIN_CLASS0_RECALL", description = "What the recommended operating"
            + " point must achieve on the validation part: BEST_MACRO_F1, MIN_CLASS0_RECALL, MIN_OUT_OF_TOPIC_RECALL"
            + " or MAX_TOPIC_RECALL_LOST; the best macro-F1 when none reaches the bound.")
    ThresholdObjective objective;
    @Option(names = "--bound", defaultValue = "0.5", description = "The objective's bound.")
    double bound;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        List<LabelledText> quotes = csv.read();
        CascadeConfig cfg = CascadeConfig.of(base, batchSize, seed,
                new CascadeConfig.StageRecipe(recipe == null ? CascadeConfig.defaultStage1Recipe() : recipe, epochs, lr,
                        classWeights),
                new CascadeConfig.StageRecipe(epochs2, lr2, classWeights2), construction, folds, validationFraction,
                stage1Version, new CascadeConfig.Objective(objective, bound));
        TrainingProgress progress = new TrainingProgress(w);
        long start = System.nanoTime();
        CascadeModel m = new CascadeTrainer(progress, phase -> {
            w.printf("%n== %s%n", phase);
            w.flush();
        }).train(quotes, cfg, out, () -> false);
        w.printf(Locale.ROOT, "%ncascade written to %s in %.1f min%n", out, (System.nanoTime() - start) / 6e10);
        w.printf(Locale.ROOT, "topics %s%ntemperatures: stage 1 %.3f, stage 2 %.3f; recommended %s%n",
                m.topics(), m.stage1Temperature(), m.stage2Temperature(), m.operatingPoint().describe());
        w.println("facts " + m.facts());
        w.flush();
        return 0;
    }
}

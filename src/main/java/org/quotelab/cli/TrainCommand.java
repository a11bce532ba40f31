package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.training.SingleFineTune;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** quotelab train: fine-tune a classifier on a CSV file and save it as a model version. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fine-tune a BERT classifier on a CSV file and save it as a model version folder.")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV file with a header row.")
    Path data;
    @Option(names = "--text-column", defaultValue = "quote_text")
    String textColumn;
    @Option(names = "--label-column", defaultValue = "label",
            description = "Binary 0/1 or topic names; rows with an empty label are skipped.")
    String labelColumn;
    @Option(names = "--filter-column", description = "Column that splits rows into training and evaluation sets.")
    String filterColumn;
    @Option(names = "--train-values", split = ",", description = "Values of --filter-column to train on.")
    List<String> trainValues;
    @Option(names = "--eval-values", split = ",", description = "Values of --filter-column to test on after training.")
    List<String> evalValues;
    @Option(names = "--out", required = true, description = "Version folder to create (must not exist).")
    Path out;
    @Option(names = "--base", defaultValue = "bundled",
            description = "bundled (all-MiniLM-L6-v2), tiny (small random BERT), or a Hugging Face / version folder.")
    String base;
    @Option(names = "--recipe", paramLabel = "NAME", description = "Preset: reference, cls-holdout or lp-ft"
            + " (default: the product's stage-1 recipe, see docs/results/stage1-semeval.md). Options given"
            + " explicitly override the preset's values.")
    String recipe;
    // The options below are null unless given, so the preset's value applies.
    @Option(names = "--epochs")
    Integer epochs;
    @Option(names = "--batch-size")
    Integer batchSize;
    @Option(names = "--lr")
    Double learningRate;
    @Option(names = "--weight-decay")
    Double weightDecay;
    @Option(names = "--warmup", description = "Warm-up share of all steps.")
    Double warmup;
    @Option(names = "--max-length")
    Integer maxLength;
    @Option(names = "--seed", description = "Default 42.")
    Long seed;
    @Option(names = "--dropout")
    Double dropout;
    @Option(names = "--class-weights", description = "none, inverse, sqrt, or explicit weights w0,w1,... in label-map order.")
    String classWeights;
    @Option(names = "--focal-gamma", description = "0 = cross-entropy; 2 = usual focal loss.")
    Double focalGamma;
    @Option(names = "--validation-fraction",
            description = "Share of the training rows held out to pick the best epoch; 0 keeps the last epoch.")
    Double validationFraction;
    @Option(names = "--select-by", description = "macro_f1, accuracy or weighted_f1.")
    String selectBy;
    @Option(names = "--pooling", description = "cls (BERT pooler, exact in transformers) or mean (masked mean of the last layer).")
    String pooling;
    @Option(names = "--padding", description = "buckets (length-grouped) or fixed.")
    String padding;
    @Option(names = "--layer-decay", description = "Layer-wise learning-rate decay, e.g. 0.8;"
            + " 1 = the same rate for every layer.")
    Double layerDecay;
    @Option(names = "--head-epochs", description = "Epochs that train only the pooler and"
            + " classifier on the frozen encoder before the fine-tune (linear probing, then fine-tuning).")
    Integer headEpochs;
    @Option(names = "--head-lr", description = "Peak learning rate of the head-only epochs.")
    Double headLearningRate;
    @Option(names = "--rdrop", description = "R-Drop alpha: each batch passes twice with"
            + " different dropout and the two predictions are pulled together; 0 = off.")
    Double rdrop;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Set<String> trainKeep = filterColumn == null ? null : new HashSet<>(require(trainValues, "--train-values"));
        List<QuoteCsv.Row> train = labelled(QuoteCsv.read(data, textColumn, labelColumn, filterColumn, trainKeep));
        List<QuoteCsv.Row> test = List.of();
        if (filterColumn != null && evalValues != null && !evalValues.isEmpty()) {
            test = labelled(QuoteCsv.read(data, textColumn, labelColumn, filterColumn, new HashSet<>(evalValues)));
        }
        SingleFineTune.Request request = new SingleFineTune.Request(QuoteCsv.texts(train), QuoteCsv.labels(train),
                QuoteCsv.texts(test), QuoteCsv.labels(test), base, settings(), validationFraction(), labelColumn);
        w.printf(Locale.ROOT, "training on %d rows of %s (%s), base %s, recipe %s%n", train.size(), data, labelColumn,
                base, SingleFineTune.preset(recipe).name());
        CancellationToken token = new CancellationToken();
        Thread hook = new Thread(token::cancel);
        Runtime.getRuntime().addShutdownHook(hook);
        SingleFineTune.Outcome outcome = SingleFineTune.run(request, out, new TrainingProgress(w), token);
        w.printf(Locale.ROOT, "best epoch %d, %d skipped steps, %.0f s; saved %s%n", outcome.bestEpoch(),
                outcome.skippedSteps(), outcome.seconds(), outcome.version());
        if (outcome.validation() != null) {
            w.println("validation (held out from the training rows):");
            w.println(outcome.validation().format());
        }
        if (outcome.test() != null) {
            w.println("test (" + String.join(",", evalValues) + "):");
            w.println(outcome.test().format());
        }
        w.flush();
        return 0;
    }

    /** Rows without a label (out-of-topic rows of a topic column) are not training material. */
    static List<QuoteCsv.Row> labelled(List<QuoteCsv.Row> rows) {
        return QuoteCsv.labelled(rows);
    }

    private static List<String> require(List<String> values, String option) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(option + " is required with --filter-column");
        }
        return values;
    }

    /** The preset's values with every explicitly given option in their place. */
    SingleFineTune.Settings settings() {
        SingleFineTune.Settings p = SingleFineTune.preset(recipe).settings();
        return new SingleFineTune.Settings(or(epochs, p.epochs()), or(batchSize, p.batchSize()),
                or(learningRate, p.learningRate()), or(weightDecay, p.weightDecay()), or(warmup, p.warmup()),
                or(maxLength, p.maxLength()), or(seed, p.seed()), or(dropout, p.dropout()),
                or(classWeights, p.classWeights()), or(focalGamma, p.focalGamma()), or(layerDecay, p.layerDecay()),
                or(headEpochs, p.headEpochs()), or(headLearningRate, p.headLearningRate()), or(rdrop, p.rdrop()),
                or(pooling, p.pooling()), or(selectBy, p.selectBy()), or(padding, p.padding()));
    }

    double validationFraction() {
        return or(validationFraction, SingleFineTune.preset(recipe).validationFraction());
    }

    private static <T> T or(T given, T preset) {
        return given != null ? given : preset;
    }
}

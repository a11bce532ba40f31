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
import org.quotelab.ml.train.ClassWeighting;
import org.quotelab.ml.text.PaddingMode;
import org.quotelab.ml.train.SelectionMetric;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneRun;
import org.quotelab.ml.train.BertModels;
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
    @Option(names = "--epochs", defaultValue = "3")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "16")
    int batchSize;
    @Option(names = "--lr", defaultValue = "3e-5")
    double learningRate;
    @Option(names = "--weight-decay", defaultValue = "0.01")
    double weightDecay;
    @Option(names = "--warmup", defaultValue = "0.1", description = "Warm-up share of all steps.")
    double warmup;
    @Option(names = "--max-length", defaultValue = "128")
    int maxLength;
    @Option(names = "--seed", defaultValue = "42")
    long seed;
    @Option(names = "--dropout", defaultValue = "0.1")
    double dropout;
    @Option(names = "--class-weights", defaultValue = "none",
            description = "none, inverse, sqrt, or explicit weights w0,w1,... in label-map order.")
    String classWeights;
    @Option(names = "--focal-gamma", defaultValue = "0", description = "0 = cross-entropy; 2 = usual focal loss.")
    double focalGamma;
    @Option(names = "--validation-fraction", defaultValue = "0.1",
            description = "Share of the training rows held out to pick the best epoch.")
    double validationFraction;
    @Option(names = "--select-by", defaultValue = "macro_f1", description = "macro_f1, accuracy or weighted_f1.")
    String selectBy;
    @Option(names = "--pooling", defaultValue = "cls",
            description = "cls (BERT pooler, exact in transformers) or mean (masked mean of the last layer).")
    String pooling;
    @Option(names = "--padding", defaultValue = "buckets", description = "buckets (length-grouped) or fixed.")
    String padding;
    @Option(names = "--layer-decay", defaultValue = "1", description = "Layer-wise learning-rate decay, e.g. 0.8;"
            + " 1 = the same rate for every layer.")
    double layerDecay;
    @Option(names = "--head-epochs", defaultValue = "0", description = "Epochs that train only the pooler and"
            + " classifier on the frozen encoder before the fine-tune (linear probing, then fine-tuning).")
    int headEpochs;
    @Option(names = "--head-lr", defaultValue = "1e-3", description = "Peak learning rate of the head-only epochs.")
    double headLearningRate;
    @Option(names = "--rdrop", defaultValue = "0", description = "R-Drop alpha: each batch passes twice with"
            + " different dropout and the two predictions are pulled together; 0 = off.")
    double rdrop;

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
                QuoteCsv.texts(test), QuoteCsv.labels(test), base, settings(), validationFraction, labelColumn);
        w.printf(Locale.ROOT, "training on %d rows of %s (%s), base %s%n", train.size(), data, labelColumn, base);
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

    SingleFineTune.Settings settings() {
        return new SingleFineTune.Settings(epochs, batchSize, learningRate, weightDecay, warmup, maxLength, seed,
                dropout, classWeights, focalGamma, layerDecay, headEpochs, headLearningRate, rdrop, pooling, selectBy,
                padding);
    }
}

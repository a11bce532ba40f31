package org.quotelab.service.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.ml.train.UnfamiliarFit;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.train.ClassWeighting;
import org.quotelab.ml.text.PaddingMode;
import org.quotelab.ml.train.SelectionMetric;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.TrainingRecipe;
import org.quotelab.ml.train.FineTuneRun;
import org.quotelab.service.FineTuneProgress;
import org.quotelab.domain.jobs.CancellationToken;

/**
 * {@code quotelab train}: one classifier fine-tuned on texts and labels into a new model version
 * folder, without the store. The cascade and the app train through {@link TrainingService} and
 * {@code CascadeTrainer}; this is the single-model experiment path the benchmarks were run with.
 */
public final class SingleFineTune {

    /**
     * The recipe in plain values, as the command line takes them: {@code classWeights} is none,
     * inverse, sqrt or explicit weights "w0,w1,..."; {@code pooling} cls or mean; {@code selectBy}
     * macro_f1, accuracy or weighted_f1; {@code padding} buckets or fixed.
     */
    public record Settings(int epochs, int batchSize, double learningRate, double weightDecay, double warmup,
                           int maxLength, long seed, double dropout, String classWeights, double focalGamma,
                           double layerDecay, int headEpochs, double headLearningRate, double rdrop,
                           String pooling, String selectBy, String padding) {

        TrainingConfig toConfig() {
            TrainingConfig.Builder b = TrainingConfig.builder().epochs(epochs).batchSize(batchSize)
                    .learningRate(learningRate).weightDecay(weightDecay).warmupFraction(warmup).maxLength(maxLength)
                    .seed(seed).dropout(dropout).focalGamma(focalGamma).layerDecay(layerDecay)
                    .headEpochs(headEpochs).headLearningRate(headLearningRate).consistency(rdrop)
                    .clsPooler(!"mean".equalsIgnoreCase(pooling))
                    .selectionMetric(SelectionMetric.valueOf(selectBy.toUpperCase(Locale.ROOT)))
                    .paddingMode(padding.equalsIgnoreCase("fixed") ? PaddingMode.FIXED : PaddingMode.LENGTH_BUCKETS);
            if (classWeights.matches("[0-9.eE+-]+(,[0-9.eE+-]+)+")) {
                b.explicitClassWeights(Arrays.stream(classWeights.split(",")).mapToDouble(Double::parseDouble).toArray());
            } else {
                b.classWeighting(ClassWeighting.parse(classWeights));
            }
            return b.build();
        }

        static Settings of(TrainingConfig c) {
            String weights = c.classWeighting() == ClassWeighting.EXPLICIT
                    ? Arrays.stream(c.explicitClassWeights()).mapToObj(Double::toString)
                            .collect(java.util.stream.Collectors.joining(","))
                    : c.classWeighting().name().toLowerCase(Locale.ROOT);
            return new Settings(c.epochs(), c.batchSize(), c.learningRate(), c.weightDecay(), c.warmupFraction(),
                    c.maxLength(), c.seed(), c.dropout(), weights, c.focalGamma(), c.layerDecay(), c.headEpochs(),
                    c.headLearningRate(), c.consistency(), c.clsPooler() ? "cls" : "mean",
                    c.selectionMetric().name().toLowerCase(Locale.ROOT),
                    c.paddingMode() == PaddingMode.FIXED ? "fixed" : "buckets");
        }
    }

    /** A named recipe in the command line's values, with the share of rows it holds out to pick the epoch. */
    public record Preset(String name, Settings settings, double validationFraction) {
    }

    /** {@code name} null gives the product's default recipe; an unknown name throws with the known ones. */
    public static Preset preset(String name) {
        TrainingRecipe recipe = name == null ? TrainingRecipe.DEFAULT : TrainingRecipe.named(name);
        TrainingConfig c = recipe.builder().build();
        return new Preset(recipe.label(), Settings.of(c), c.epochHoldOut());
    }

    /** What to train on; the test rows may be empty. {@code task} names the label column in the provenance. */
    public record Request(List<String> trainTexts, List<String> trainLabels, List<String> testTexts,
                          List<String> testLabels, String base, Settings settings, double validationFraction,
                          String task) {

        public Request {
            // a bad option fails here, before the caller announces the run or any model loads
            settings.toConfig();
        }
    }

    /** {@code validation} and {@code test} are null without such rows. */
    public record Outcome(int bestEpoch, int skippedSteps, double seconds, Path version,
                          ClassificationReport validation, ClassificationReport test) {
    }

    private SingleFineTune() {
    }

    /** Trains into {@code out} (which must not exist); cancelling stops between steps without saving. */
    public static Outcome run(Request r, Path out, FineTuneProgress progress, CancellationToken cancel)
            throws IOException {
        FineTuneRun.Request request = new FineTuneRun.Request(r.trainTexts(), r.trainLabels(), r.testTexts(),
                r.testLabels(), r.base(), BertModels.parentVersion(r.base()), r.settings().toConfig(),
                r.validationFraction(), r.task());
        FineTuneRun.Outcome o = new FineTuneRun(BertModels.on(ComputeDevice.AUTO), FineTuneProgress.toListener(progress))
                .run(request, out, cancel::isCancelled);
        UnfamiliarFit.fitAndSaveAfterFineTune(out, r.trainTexts(), r.trainLabels(), r.validationFraction(),
                r.settings().seed());
        return new Outcome(o.training().bestEpoch(), o.training().skippedSteps(), o.training().seconds(), o.version(),
                o.training().validation(), o.test());
    }
}

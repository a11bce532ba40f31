package org.quotelab.ml.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.ml.infer.NativeMemory;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.versions.DatasetIdentity;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.Provenance;
import org.quotelab.ml.versions.ReportJson;
import org.quotelab.ml.versions.RunEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fine-tune from labelled texts to a saved version: label map, encoding, stratified
 * validation hold-out, training, optional test evaluation, provenance, atomic save.
 */
public final class FineTuneRun {

    private static final Logger LOG = LoggerFactory.getLogger(FineTuneRun.class);

    /** What to train; the test texts may be empty. */
    public record Request(
            List<String> trainTexts,
            List<String> trainLabels,
            List<String> testTexts,
            List<String> testLabels,
            String baseModel,
            String parentVersion,
            TrainingConfig config,
            double validationFraction,
            String task) {
    }

    /** The result; {@code test} is null without test data. */
    public record Outcome(TrainingResult training, ClassificationReport test, LabelMap labels, Path version,
                          Provenance provenance) {
    }

    private final ModelSource models;
    private final FineTuneListener listener;

    /** Opens the base model for a spec (bundled, tiny, a folder) with a given number of labels. */
    @FunctionalInterface
    public interface ModelSource {
        ClassifierModel open(String baseModel, int numLabels, TrainingConfig config) throws IOException;
    }

    public FineTuneRun(ModelSource models, FineTuneListener listener) {
        this.models = models;
        this.listener = listener;
    }

    public Outcome run(Request request, Path out, BooleanSupplier cancelled) throws IOException {
        try {
            return train(request, out, cancelled);
        } finally {
            // A cascade runs up to eight fine-tunes in a row (cross-fitting folds): without this each
            // one started on top of the Java heap and glibc pages the previous one grew, and the job's
            // resident size climbed fold after fold (ADR 0014).
            NativeMemory.trim();
        }
    }

    private Outcome train(Request request, Path out, BooleanSupplier cancelled) throws IOException {
        LabelMap labels = LabelMap.fromValues(request.trainLabels());
        int[] y = labels.indexes(request.trainLabels());
        TrainingConfig cfg = request.config();
        try (ClassifierModel model = models.open(request.baseModel(), labels.size(), cfg)) {
            List<EncodedExample> all = model.encoder().encodeAll(request.trainTexts(), y);
            int[][] split = DataSplit.stratified(y, labels.size(), request.validationFraction(), cfg.seed());
            List<EncodedExample> train = DataSplit.select(all, split[0]);
            List<EncodedExample> valid = DataSplit.select(all, split[1]);
            LOG.info("training on {} examples, validating on {}, labels {}", train.size(), valid.size(), labels.labels());
            TrainingResult result = new FineTuner(cfg, listener).fit(model.net(), train, valid, labels.labels(), cancelled);
            ClassificationReport test = null;
            if (!request.testTexts().isEmpty()) {
                int[] ty = labels.indexes(request.testLabels());
                test = Scorer.evaluate(model.net(), model.encoder().encodeAll(request.testTexts(), ty),
                        labels.labels(), cfg.evalBatchSize());
            }
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("best_epoch", result.bestEpoch());
            metrics.put("skipped_steps", result.skippedSteps());
            metrics.put("train_seconds", result.seconds());
            if (result.validation() != null) {
                metrics.put("validation", ReportJson.of(result.validation()));
            }
            if (test != null) {
                metrics.put("test", ReportJson.of(test));
            }
            Map<String, Object> hyper = new LinkedHashMap<>(cfg.asMap());
            hyper.put("validation_fraction", request.validationFraction());
            hyper.put("class_weights", result.classWeights());
            Provenance provenance = new Provenance(request.baseModel(), request.parentVersion(),
                    DatasetIdentity.sha256(request.trainTexts(), request.trainLabels()), train.size(), valid.size(),
                    hyper, metrics, labels.labels(), request.task(), RunEnvironment.describe(model.net().manager()),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), cfg.seed());
            if (out != null) {
                ModelVersions.save(model, labels, provenance, out);
            }
            return new Outcome(result, test, labels, out, provenance);
        }
    }
}

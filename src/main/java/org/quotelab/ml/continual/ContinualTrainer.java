package org.quotelab.ml.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.quotelab.ml.versions.ModelFolders;
import java.util.stream.Stream;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.weights.NoGrad;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.FineTuner;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.ml.train.TrainingResult;
import org.quotelab.ml.train.FineTuneRun;
import org.quotelab.ml.versions.DatasetIdentity;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.Provenance;
import org.quotelab.ml.versions.RunEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One continual update: continues a saved version (or starts from a base model) on the texts the
 * service chose, optionally with online EWC, and saves a new version whose provenance names the
 * strategy. With EWC the accumulated Fisher diagonal is saved beside the new weights; the version
 * folder (weights, provenance, Fisher) appears in one rename, so a crash never leaves half of it.
 */
public final class ContinualTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ContinualTrainer.class);

    /** Online EWC: penalty weight lambda, Fisher decay gamma, examples used to estimate a Fisher. */
    public record Ewc(double lambda, double gamma, int fisherSamples) {
        public Ewc {
            if (lambda < 0 || gamma < 0 || gamma > 1 || fisherSamples < 1) {
                throw new IllegalArgumentException("EWC needs lambda >= 0, gamma in [0, 1], fisher samples >= 1");
            }
        }
    }

    /**
     * @param base       a version folder to continue, or "bundled"/"tiny" for a fresh start
     * @param labelOrder the class order; must match the base version's head when continuing
     * @param ewc        null for no EWC
     * @param strategy   recorded in the provenance under "continual"
     */
    public record Request(String base, List<String> labelOrder, List<String> texts, List<String> labels,
                          TrainingConfig config, Ewc ewc, Map<String, Object> strategy, String task) {
    }

    public record Outcome(Path version, TrainingResult training, Provenance provenance, double fisherSeconds) {
    }

    private final FineTuneRun.ModelSource models;
    private final FineTuneListener listener;

    public ContinualTrainer(FineTuneRun.ModelSource models, FineTuneListener listener) {
        this.models = models;
        this.listener = listener == null ? FineTuneListener.none() : listener;
    }

    public Outcome train(Request r, Path out, BooleanSupplier cancelled) throws IOException {
        if (Files.exists(out)) {
            throw new IOException(out + " exists; versions are never overwritten");
        }
        LabelMap labels = new LabelMap(r.labelOrder());
        int[] y = labels.indexes(r.labels());
        TrainingConfig cfg = r.config();
        Path baseDir = BertModels.parentVersion(r.base()) == null ? null : Path.of(r.base());
        try (ClassifierModel model = models.open(r.base(), labels.size(), cfg);
             NDManager scratch = model.net().manager().newSubManager()) {
            List<EncodedExample> train = model.encoder().encodeAll(r.texts(), y);
            Map<String, NDArray> oldFisher = r.ewc() != null && EwcFisherFile.exists(baseDir)
                    ? EwcFisherFile.read(baseDir, model, scratch) : Map.of();
            TrainingResult result;
            try (EwcPenalty penalty = oldFisher.isEmpty() ? null
                    : EwcPenalty.anchoredAt(model.net(), oldFisher, r.ewc().lambda())) {
                if (r.ewc() != null && penalty == null) {
                    LOG.warn("EWC asked for but {} has no Fisher: this update runs without the penalty", r.base());
                }
                result = new FineTuner(cfg, listener, penalty, null).fit(model.net(), train, List.of(),
                        labels.labels(), cancelled);
            }
            Map<String, NDArray> fisher = null;
            long f0 = System.nanoTime();
            if (r.ewc() != null) {
                Map<String, NDArray> fresh = estimate(model, train, r.ewc().fisherSamples(), cfg.seed(), scratch,
                        cancelled);
                fisher = accumulate(oldFisher, fresh, r.ewc().gamma(), scratch);
            }
            double fisherSeconds = (System.nanoTime() - f0) / 1e9;
            Map<String, Object> hyper = new LinkedHashMap<>(cfg.asMap());
            hyper.put("continual", r.strategy());
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("train_seconds", result.seconds());
            metrics.put("fisher_seconds", fisherSeconds);
            metrics.put("steps", result.steps());
            metrics.put("skipped_steps", result.skippedSteps());
            Provenance provenance = new Provenance(r.base(), BertModels.parentVersion(r.base()),
                    DatasetIdentity.sha256(r.texts(), r.labels()), train.size(), 0, hyper, metrics, labels.labels(),
                    r.task(), RunEnvironment.describe(model.net().manager()),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), cfg.seed());
            saveAtomically(model, labels, provenance, fisher, out);
            return new Outcome(out, result, provenance, fisherSeconds);
        }
    }

    /** Adds a Fisher file to an existing version that has none (e.g. the first full fine-tune). */
    public void ensureFisher(Path version, List<String> texts, List<String> labelValues, int samples,
                             TrainingConfig cfg, BooleanSupplier cancelled) throws IOException {
        if (EwcFisherFile.exists(version)) {
            return;
        }
        LabelMap labels = ModelVersions.labels(version);
        List<String> keptTexts = new ArrayList<>();
        List<Integer> keptLabels = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            int c = labels.indexOf(labelValues.get(i));
            if (c >= 0) {
                keptTexts.add(texts.get(i));
                keptLabels.add(c);
            }
        }
        try (ClassifierModel model = models.open(version.toString(), labels.size(), cfg);
             NDManager scratch = model.net().manager().newSubManager()) {
            List<EncodedExample> examples = model.encoder().encodeAll(keptTexts,
                    keptLabels.stream().mapToInt(Integer::intValue).toArray());
            EwcFisherFile.write(version, model, estimate(model, examples, samples, cfg.seed(), scratch, cancelled));
        }
    }

    private static Map<String, NDArray> estimate(ClassifierModel model, List<EncodedExample> examples, int samples,
                                                 long seed, NDManager out, BooleanSupplier cancelled) {
        List<EncodedExample> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        List<EncodedExample> sample = shuffled.subList(0, Math.min(samples, shuffled.size()));
        return FisherEstimator.diagonal(model.net(), sample, out, cancelled);
    }

    /** F = gamma * F_old + F_new, with the scalar made by libtorch and autograd off. */
    private static Map<String, NDArray> accumulate(Map<String, NDArray> old, Map<String, NDArray> fresh, double gamma,
                                                   NDManager manager) {
        if (old.isEmpty()) {
            return fresh;
        }
        try (NoGrad off = NoGrad.enter()) {
            NDArray g = manager.full(new Shape(), (float) gamma, DataType.FLOAT32);
            Map<String, NDArray> out = new LinkedHashMap<>();
            fresh.forEach((name, f) -> {
                NDArray o = old.get(name);
                out.put(name, o == null || !o.getShape().equals(f.getShape()) ? f : o.mul(g).add(f));
            });
            return out;
        }
    }

    private static void saveAtomically(ClassifierModel model, LabelMap labels, Provenance provenance,
                                       Map<String, NDArray> fisher, Path out) throws IOException {
        // the Fisher file is part of the version: both appear in one rename or neither does
        ModelFolders.writeAtomically(out, dir -> {
            ModelVersions.writeVersion(model, labels, provenance, dir);
            if (fisher != null) {
                EwcFisherFile.write(dir, model, fisher);
            }
        });
    }
}

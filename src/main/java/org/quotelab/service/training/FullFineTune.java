package org.quotelab.service.training;

import org.quotelab.ml.infer.LoadedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.UnfamiliarFit;
import org.quotelab.ml.train.FineTuneRun;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.service.cascade.CascadeActivation;
import org.quotelab.service.Json;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeRun;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.cascade.SeenQuotes;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One full fine-tune from the store, as a {@link CascadeRun}: trains into its hidden ".partial"
 * folder, renames it when complete, then registers and activates both versions through
 * {@link CascadeActivation}. A cancelled or failed run removes the folder and registers nothing,
 * so the active cascade never changes half-way.
 */
final class FullFineTune {

    /** The share of a stage's quotes {@code FineTuneRun} holds out to pick the best epoch. */

    private static final Logger LOG = LoggerFactory.getLogger(FullFineTune.class);
    private final QuoteStore store;
    private final Path modelsDir;
    /** Keep the serving cascade unless the new one scores better on the held-out quotes (after a quick start). */
    private final boolean onlyIfBetter;
    private final LoadedModels models;

    FullFineTune(QuoteStore store, Path modelsDir, LoadedModels models) {
        this(store, modelsDir, models, false);
    }

    FullFineTune(QuoteStore store, Path modelsDir, LoadedModels models, boolean onlyIfBetter) {
        this.store = store;
        this.modelsDir = modelsDir;
        this.models = models;
        this.onlyIfBetter = onlyIfBetter;
    }

    TrainingOutcome run(FineTuneRequest r, ProgressTracker tracker, CancellationToken cancel, ComputeDevice device)
            throws IOException {
        long started = System.nanoTime();
        List<Long> ids = new ArrayList<>();
        List<LabelledText> quotes = TrainingQuotes.load(store, ids);
        TrainingQuotes.requireTrainable(quotes);
        CascadeVersions.Active active = r.stages() == Stages.BOTH ? null : new CascadeVersions(store).active()
                .orElseThrow(() -> new IllegalStateException("training one stage needs an active cascade: train both first"));
        CascadeConfig cfg = r.stages() == Stages.STAGE2 ? r.config().withStage1Version(Path.of(active.stage1().path()))
                : r.config();
        double inTopic = quotes.stream().filter(LabelledText::inTopic).count() / (double) quotes.size();
        tracker.expect(plan(r.stages(), cfg, quotes.size(), inTopic));
        return CascadeRun.execute(store, modelsDir, "train", "cascade", params(r, cfg, quotes.size()), run -> {
            tracker.recordInto(run.id());
            try {
                if (r.stages() == Stages.STAGE1) {
                    trainStage1Only(quotes, cfg, active, run.partial(), tracker, cancel, device);
                } else {
                    new CascadeTrainer(tracker, tracker::phase, device).train(quotes, cfg, run.partial(),
                            cancel::isCancelled);
                }
                // the last chance to cancel: after the rename the versions are registered at once
                cancel.throwIfCancelled();
            } finally {
                tracker.flush();
            }
            tracker.progress(0.97, "registering and activating the new cascade");
            Path folder = run.publish();
            java.util.Optional<String> keep = onlyIfBetter
                    ? QuickStart.notBetter(new CascadeVersions(store).active(), folder) : java.util.Optional.empty();
            SeenQuotes.Training[] seen = seen(r.stages(), cfg, quotes, ids, active);
            CascadeVersions.Active now = keep.isEmpty()
                    ? new CascadeActivation(store, models).register(folder, "trained cascade " + folder.getFileName(), seen[0],
                            seen[1])
                    : candidate(folder, seen);
            run.registered();
            String summary = "Trained " + r.stages().name().toLowerCase() + " on " + quotes.size() + " labelled quotes; "
                    + (keep.isEmpty() ? "active now: " : "kept as candidate (" + keep.get() + "): ")
                    + "stage 1 v" + now.stage1().id() + ", stage 2 v" + now.stage2().id();
            LOG.info("{} ({} construction, {} min)", summary, cfg.construction(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 6e10));
            tracker.progress(1, summary);
            return new CascadeRun.Done<>(new TrainingOutcome(run.id(), folder, keep.isEmpty(), now.stage1().id(),
                    now.stage2().id(), summary), summary, now.stage1().id());
        });
    }

    /** Registers the folder without activating it, with what each stage saw. */
    private CascadeVersions.Active candidate(Path folder, SeenQuotes.Training[] seen) throws IOException {
        CascadeVersions.Active c = new CascadeVersions(store).register(folder, false);
        new SeenQuotes(store).record(c.stage1(), seen[0]);
        new SeenQuotes(store).record(c.stage2(), seen[1]);
        return c;
    }

    /**
     * What each new stage saw: every training quote, in training or calibration (see
     * {@link CascadeTrainer#calibrationPart}); a stage copied from the active cascade saw what it saw.
     */
    /** What each stage of a cascade trained on {@code quotes} saw: recorded with its versions. */
    static SeenQuotes.Training[] seen(Stages stages, CascadeConfig cfg, List<LabelledText> quotes,
                                              List<Long> ids, CascadeVersions.Active active) {
        List<Long> calibrated = new ArrayList<>();
        for (int i : CascadeTrainer.calibrationPart(quotes, cfg)) {
            calibrated.add(ids.get(i));
        }
        SeenQuotes.Training all = new SeenQuotes.Training(ids, calibrated, null);
        return switch (stages) {
            case BOTH -> new SeenQuotes.Training[] {all, all};
            case STAGE1 -> new SeenQuotes.Training[] {new SeenQuotes.Training(ids, List.of(), null),
                new SeenQuotes.Training(List.of(), List.of(), active.stage2())};
            case STAGE2 -> new SeenQuotes.Training[] {new SeenQuotes.Training(List.of(), calibrated, active.stage1()),
                all};
        };
    }

    /**
     * Stage 1 alone, with the active stage 2 copied beside it. The active temperatures and
     * threshold are kept, as updates do (see ADR 0008); the Threshold view can tune it again.
     */
    private static void trainStage1Only(List<LabelledText> quotes, CascadeConfig cfg, CascadeVersions.Active active,
                                        Path partial, ProgressTracker tracker, CancellationToken cancel, ComputeDevice device)
            throws IOException {
        Files.createDirectories(partial);
        tracker.phase("stage 1: fine-tuning on " + quotes.size() + " quotes");
        List<String> texts = quotes.stream().map(LabelledText::text).toList();
        List<String> labels = quotes.stream().map(q -> q.inTopic() ? "1" : "0").toList();
        FineTuneRun.Request request = new FineTuneRun.Request(texts, labels, List.of(), List.of(), cfg.baseModel(),
                BertModels.parentVersion(cfg.baseModel()), cfg.stage1(), cfg.stage1().epochHoldOut(), "stage1");
        new FineTuneRun(BertModels.on(device), tracker).run(request, partial.resolve("stage1"), cancel::isCancelled);
        cancel.throwIfCancelled();
        tracker.phase("stage 1: feature statistics for the unfamiliar score");
        UnfamiliarFit.fitAndSaveAfterFineTune(partial.resolve("stage1"), texts, labels, cfg.stage1().epochHoldOut(),
                cfg.stage1().seed());
        tracker.phase("copying the active stage 2");
        ModelFolders.copyTree(Path.of(active.stage2().path()), partial.resolve("stage2"));
        CascadeModel.read(active.folder()).withStages("stage1", "stage2").write(partial);
    }

    /** Expected optimiser steps of each fine-tune the job runs, for the ETA until the real counts arrive. */
    static List<Integer> plan(Stages stages, CascadeConfig cfg, int quotes, double inTopicShare) {
        List<Integer> plan = new ArrayList<>();
        if (stages == Stages.STAGE1) {
            plan.add(steps(quotes, cfg.stage1()));
            return plan;
        }
        // cross-fitting calibrates on out-of-fold scores and keeps no quotes back; the seed's way holds a part out
        boolean cross = cfg.construction() == Construction.CROSS_FIT;
        int fit = cross ? quotes : (int) Math.round(quotes * (1 - cfg.validationFraction()));
        if (stages == Stages.BOTH) {
            plan.add(steps(fit, cfg.stage1()));
        }
        if (cfg.construction() == Construction.CROSS_FIT) {
            for (int f = 0; f < cfg.folds(); f++) {
                plan.add(steps(fit * (cfg.folds() - 1) / cfg.folds(), cfg.stage1()));
            }
        }
        // stage 2 sees the in-topic quotes and the out-of-topic ones stage 1 lets through
        int stage2 = (int) Math.ceil(fit * inTopicShare);
        plan.add(steps(stage2, cfg.stage2()));
        if (cross) {
            for (int f = 0; f < cfg.folds(); f++) {
                plan.add(steps(stage2 * (cfg.folds() - 1) / cfg.folds(), cfg.stage2()));
            }
        }
        return plan;
    }

    private static int steps(int examples, TrainingConfig c) {
        int train = examples - (int) Math.round(examples * c.epochHoldOut());
        return Math.max(1, (train + c.batchSize() - 1) / c.batchSize()) * (c.headEpochs() + c.epochs());
    }

    private static String params(FineTuneRequest r, CascadeConfig cfg, int quotes) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "full_fine_tune");
        p.put("stages", r.stages().name().toLowerCase());
        p.put("base_model", cfg.baseModel());
        p.put("device", r.device().code());
        p.put("quotes", quotes);
        p.put("construction", cfg.construction().name());
        p.put("folds", cfg.folds());
        p.put("validation_fraction", cfg.validationFraction());
        p.put("seed", cfg.seed());
        p.put("stage1", cfg.stage1().asMap());
        p.put("stage2", cfg.stage2().asMap());
        return Json.MAPPER.writeValueAsString(p);
    }
}

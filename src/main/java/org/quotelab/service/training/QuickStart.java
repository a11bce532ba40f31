package org.quotelab.service.training;

import org.quotelab.ml.infer.LoadedModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.ml.train.FrozenEncoderHeads;
import org.quotelab.service.Json;
import org.quotelab.service.cascade.CascadeActivation;
import org.quotelab.service.cascade.SeenQuotes;
import org.quotelab.service.cascade.CascadeRun;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first model of a new data folder, in about a minute: both stages as linear heads on the
 * frozen base encoder ({@link FrozenEncoderHeads}), trained through the usual cascade recipe
 * (same split, stage-2 set, calibration and recommended operating point) and activated through
 * {@link CascadeActivation}. The full fine-tune that follows replaces it only when it scores a
 * better end-to-end macro-F1 on the held-out quotes ({@link #notBetter}).
 */
final class QuickStart {

    /** The activation reason, shown in Models and the status bar. */
    static final String REASON = "quick start: frozen encoder + linear heads";
    private static final Logger LOG = LoggerFactory.getLogger(QuickStart.class);

    private final QuoteStore store;
    private final Path modelsDir;
    private final LoadedModels models;

    QuickStart(QuoteStore store, Path modelsDir, LoadedModels models) {
        this.store = store;
        this.modelsDir = modelsDir;
        this.models = models;
    }

    /** Trains and activates the quick cascade with the split and seed of {@code cfg}. */
    TrainingOutcome run(CascadeConfig cfg, ProgressTracker tracker, CancellationToken cancel) throws IOException {
        long started = System.nanoTime();
        List<Long> ids = new java.util.ArrayList<>();
        List<LabelledText> quotes = TrainingQuotes.load(store, ids);
        TrainingQuotes.requireTrainable(quotes);
        // cross-fitting as configured: the encoder outputs are computed once, so the fold heads cost
        // little more than one pass over the quotes, and stage 2 learns real class-0 examples (a
        // head scored on its own training quotes lets almost no out-of-topic quote through)
        CascadeConfig quick = cfg;
        return CascadeRun.execute(store, modelsDir, "quick", "quick", params(quick, quotes.size()), run -> {
            tracker.recordInto(run.id());
            FrozenEncoderHeads heads = new FrozenEncoderHeads(quick.baseModel(), quick.stage1().maxLength(), quick.seed());
            tracker.phase("quick start: encoding " + quotes.size() + " labelled quotes once, fitting linear heads");
            tracker.progress(0.05, "quick start: encoding the labelled quotes");
            // the fold heads are fitted and scored in memory on the cached encoder outputs: only the
            // two stages that serve are written, and the encoder runs once per quote
            CascadeTrainer.InMemoryFolds folds = new CascadeTrainer.InMemoryFolds() {
                @Override
                public CascadeTrainer.Scored fitAndScore(List<String> texts, List<String> labels, String task,
                        List<String> heldOut, java.util.function.BooleanSupplier cancelled) throws IOException {
                    FrozenEncoderHeads.FoldScores s = heads.fitAndScore(texts, labels, task, heldOut, cancelled);
                    return new CascadeTrainer.Scored(s.labels(), s.probabilities(), null);
                }

                @Override
                public float[][] features(List<String> texts, java.util.function.BooleanSupplier cancelled)
                        throws IOException {
                    return heads.unitFeatures(texts, cancelled);
                }
            };
            new CascadeTrainer((texts, labels, base, c, dir, task, cancelled) ->
                    heads.fit(texts, labels, task, dir, cancelled), folds, phase -> tracker.phase("quick start - " + phase))
                    .train(quotes, quick, run.partial(), cancel::isCancelled);
            cancel.throwIfCancelled();
            tracker.progress(0.97, "registering and activating the quick-start model");
            Path folder = run.publish();
            // recorded like a full fine-tune's, so Evaluation and Threshold can leave its training quotes out
            SeenQuotes.Training[] seen = FullFineTune.seen(Stages.BOTH, quick, quotes, ids, null);
            CascadeVersions.Active now = new CascadeActivation(store, models).register(folder, REASON, seen[0], seen[1]);
            run.registered();
            double seconds = (System.nanoTime() - started) / 1e9;
            String summary = String.format(Locale.ROOT,
                    "Quick-start model serving (frozen encoder + linear heads, %.0f s): stage 1 v%d, stage 2 v%d",
                    seconds, now.stage1().id(), now.stage2().id());
            LOG.info(summary);
            tracker.progress(1, summary);
            return new CascadeRun.Done<>(new TrainingOutcome(run.id(), folder, true, now.stage1().id(),
                    now.stage2().id(), summary), summary, now.stage1().id());
        });
    }

    /**
     * Why a new cascade must not replace the serving one, or empty when it may: it needs a higher
     * end-to-end macro-F1 on its held-out quotes than the serving cascade measured on its own
     * (the same quotes when both were trained on the same labels with the same seed).
     */
    static Optional<String> notBetter(Optional<CascadeVersions.Active> serving, Path candidate) throws IOException {
        if (serving.isEmpty()) {
            return Optional.empty();
        }
        Double before = macroF1(CascadeModel.read(serving.get().folder()));
        Double after = macroF1(CascadeModel.read(candidate));
        if (before == null || after == null || after > before) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "held-out macro-F1 %.3f is not above the serving model's %.3f", after, before));
    }

    private static Double macroF1(CascadeModel m) {
        Object v = m.facts().get(CascadeTrainer.VALIDATION_MACRO_F1);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static String params(CascadeConfig cfg, int quotes) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "quick_start");
        p.put("method", FrozenEncoderHeads.METHOD);
        p.put("base_model", cfg.baseModel());
        p.put("quotes", quotes);
        p.put("validation_fraction", cfg.validationFraction());
        p.put("seed", cfg.seed());
        return Json.MAPPER.writeValueAsString(p);
    }
}

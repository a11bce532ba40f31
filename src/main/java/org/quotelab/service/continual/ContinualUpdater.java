package org.quotelab.service.continual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.continual.AccuracyMatrix;
import org.quotelab.domain.continual.PromotionGate;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.model.ModelStatus;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.ml.infer.NativeMemory;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.UnfamiliarFit;
import org.quotelab.ml.train.FineTuneRun;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.service.Json;
import org.quotelab.service.cascade.CascadeActivation;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeRun;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.SeenQuotes;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.Job;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The update job: continues the active cascade's two stages on the newly labelled quotes of one or
 * more batches, with a strategy, into a new cascade folder; registers both versions as candidates
 * with their metrics across time; and activates them through {@link CascadeActivation} only if the
 * promotion gate lets both pass. The active versions are untouched until then. The run's folder,
 * run row and clean-up follow {@link CascadeRun}, as the full fine-tune's do.
 */
public final class ContinualUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(ContinualUpdater.class);

    /**
     * @param batchIds the new batches to learn; empty = the batches the active cascade has not learned yet
     */
    public record Request(List<Long> batchIds, Strategy strategy, UpdateSettings settings, PromotionGate gate) {
    }

    /** One stage's candidate, its metrics across time and the gate's decision. */
    public record StageOutcome(int stage, ModelVersion candidate, PromotionGate.Decision decision,
                               Map<String, Object> metrics) {
    }

    public record Outcome(long runId, Path folder, boolean promoted, List<StageOutcome> stages) {
    }

    private final QuoteStore store;
    private final Path modelsDir;
    private final ComputeDevice device;
    private final FineTuneListener listener;
    private final LoadedModels models;

    public ContinualUpdater(QuoteStore store, Path modelsDir, LoadedModels models, ComputeDevice device) {
        this(store, modelsDir, models, device, null);
    }

    /**
     * @param models   the loaded models the evaluations share and the activation retires
     * @param device   where the fine-tunes and the evaluations across time run
     * @param listener per-step and per-epoch progress of the fine-tunes, for a live view (null for none)
     */
    public ContinualUpdater(QuoteStore store, Path modelsDir, LoadedModels models, ComputeDevice device,
                            FineTuneListener listener) {
        this.store = store;
        this.modelsDir = modelsDir;
        this.models = models;
        this.device = device;
        this.listener = listener;
    }

    /** The update as a background job for a {@link org.quotelab.service.jobs.JobRunner}. */
    public Job<Outcome> job(Request request) {
        return (progress, cancel) -> update(request, progress, cancel);
    }

    public Outcome update(Request r, ProgressSink progress, CancellationToken cancel) throws IOException {
        CascadeVersions.Active active = new CascadeVersions(store).active()
                .orElseThrow(() -> new IllegalStateException("no active cascade: train one first"));
        List<Batch> all = store.batches().list();
        List<Long> fresh = r.batchIds().isEmpty() ? unlearned(active, all) : r.batchIds();
        if (fresh.isEmpty()) {
            throw new IllegalStateException("no new batch to learn: every batch is already learned");
        }
        Map<String, Object> params = new LinkedHashMap<>(r.strategy().asMap());
        params.put("batches", fresh);
        params.put("update_epochs", r.settings().update().epochs());
        params.put("update_learning_rate", r.settings().update().learningRate());
        return CascadeRun.execute(store, modelsDir, "update", "update", Json.MAPPER.writeValueAsString(params), run -> {
            Outcome o = run(r, active, all, fresh, run, progress, cancel);
            return new CascadeRun.Done<>(o, o.promoted() ? "promoted" : "kept as candidate: "
                    + o.stages().stream().map(st -> st.decision().reason()).toList(), o.stages().get(0).candidate().id());
        });
    }

    private Outcome run(Request r, CascadeVersions.Active active, List<Batch> all, List<Long> fresh, CascadeRun run,
                        ProgressSink progress, CancellationToken cancel) throws IOException {
        Path partial = run.partial();
        long runId = run.id();
        Set<Long> freshSet = Set.copyOf(fresh);
        List<StoredBatch> older = new ArrayList<>();
        List<StoredBatch> learning = new ArrayList<>();
        for (Batch b : all) {
            (freshSet.contains(b.id()) ? learning : older).add(StoredBatch.load(store, b));
        }
        Files.createDirectories(partial);
        ModelVersion[] parents = {active.stage1(), active.stage2()};
        Map<Integer, StageWork> work = new LinkedHashMap<>();
        for (int stage = 1; stage <= 2; stage++) {
            cancel.throwIfCancelled();
            progress.update((stage - 1) / 2.0, "stage " + stage + ": " + r.strategy().name() + " update");
            work.put(stage, learnStage(stage, parents[stage - 1], r, older, learning, partial, cancel));
        }
        CascadeModel.read(active.folder()).withStages("stage1", "stage2").write(partial);
        Path folder = run.publish();
        // the candidates were evaluated under their work names, which are gone now
        models.retire(List.of(run.partial().resolve("stage1"), run.partial().resolve("stage2")));
        progress.update(0.95, "evaluating across time and applying the promotion gate");
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<Integer, StageWork> e : work.entrySet()) {
            candidates.add(judge(e.getKey(), e.getValue(), folder, parents[e.getKey() - 1], r, fresh, runId));
        }
        boolean promote = candidates.stream().allMatch(c -> c.decision().promote());
        // both candidates or neither: a kill between two rows must not leave half a cascade registered
        List<StageOutcome> outcomes = store.inOneTransaction(() -> {
            List<StageOutcome> made = candidates.stream().map(c -> c.create(store,
                    promote ? null : c.decision().reason())).toList();
            recordSeen(made, parents, older, learning);
            return made;
        });
        run.registered();
        if (promote) {
            new CascadeActivation(store, models).activate(outcomes.stream().map(StageOutcome::candidate).toList(),
                    "update run " + runId + ": " + outcomes.get(0).decision().reason());
        }
        progress.update(1, promote ? "promoted" : "kept as candidate");
        return new Outcome(runId, folder, promote, outcomes);
    }

    /**
     * What each candidate saw ({@link SeenQuotes}): its parent's quotes and the training quotes of
     * the batches it learned; also every older training quote when the parent's are not recorded,
     * since the lineage learned them before records were kept.
     */
    private void recordSeen(List<StageOutcome> made, ModelVersion[] parents, List<StoredBatch> older,
                            List<StoredBatch> learning) {
        SeenQuotes seen = new SeenQuotes(store);
        for (StageOutcome o : made) {
            ModelVersion parent = parents[o.stage() - 1];
            List<Long> ids = new ArrayList<>();
            learning.forEach(b -> b.train().forEach(i -> ids.add(i.id())));
            if (!store.versionQuotes().recorded(parent.id())) {
                older.forEach(b -> b.train().forEach(i -> ids.add(i.id())));
            }
            seen.record(o.candidate(), new SeenQuotes.Training(ids, List.of(), parent));
        }
    }

    /** What one stage's update produced before it is registered. */
    private record StageWork(Path version, List<String> labelOrder, TimeRecord record) {
    }

    private StageWork learnStage(int stage, ModelVersion parent, Request r, List<StoredBatch> older,
                                 List<StoredBatch> learning, Path partial, CancellationToken cancel) throws IOException {
        Path parentPath = Path.of(parent.path());
        List<String> labelOrder = ModelVersions.labels(parentPath).labels();
        List<LabelledQuote> history = new ArrayList<>();
        older.forEach(b -> history.addAll(StoredBatch.forStage(b.train(), stage)));
        List<LabelledQuote> fresh = new ArrayList<>();
        learning.forEach(b -> fresh.addAll(StoredBatch.forStage(b.train(), stage)));
        ReplayStore replay = new ReplayStore(store, stage, r.strategy());
        var memory = replay.load(history, labelOrder);
        List<LabelledQuote> memoryQuotes = replay.quotes(memory, history);
        ContinualStep.Input in = new ContinualStep.Input(r.strategy(), r.settings(), parentPath.toString(), labelOrder,
                fresh, history, memory, memoryQuotes, "stage" + stage);
        Path out = partial.resolve("stage" + stage);
        // stage 2's fine-tune must not run beside the models stage 1's evaluations left loaded (ADR 0014)
        models.closeIdle();
        NativeMemory.trim();
        ContinualStep.Result result = new ContinualStep(BertModels.on(device), listener).learn(in, out, cancel::isCancelled);
        if (r.strategy().replay()) {
            replay.save(result.memory());
        }
        TimeRecord parentRecord = TimeRecord.from(parent.metricsJson());
        List<List<Long>> steps = new ArrayList<>();
        if (parentRecord != null) {
            steps.addAll(parentRecord.steps());
        } else {
            steps.add(older.stream().map(b -> b.batch().id()).toList());
        }
        steps.add(learning.stream().map(b -> b.batch().id()).toList());
        List<List<LabelledQuote>> validation = validationPerStep(steps, older, learning, stage);
        if (stage == 1) {
            UnfamiliarFit.fitAndSave(out, texts(history, fresh), texts(validation.toArray(List[]::new)),
                    "validation quotes of the stored batches", r.settings().seed());
        }
        List<TimeRecord.Row> rows = new ArrayList<>();
        if (parentRecord != null) {
            rows.addAll(parentRecord.rows().subList(0, parentRecord.rows().size() - 1));
        }
        // The parent is scored again on every step, the new one included: that entry is R[t-1][t].
        rows.add(TimeRecord.Row.of(VersionEvaluation.of(models, parentPath, labelOrder, validation, device)));
        rows.add(TimeRecord.Row.of(VersionEvaluation.of(models, out, labelOrder, validation, device)));
        models.retire(List.of(out)); // a work folder: nobody scores it again under this name
        return new StageWork(out, labelOrder, new TimeRecord(steps, rows));
    }

    @SafeVarargs
    private static List<String> texts(List<LabelledQuote>... lists) {
        List<String> out = new ArrayList<>();
        for (List<LabelledQuote> l : lists) {
            l.forEach(q -> out.add(q.text()));
        }
        return out;
    }

    private static List<List<LabelledQuote>> validationPerStep(List<List<Long>> steps, List<StoredBatch> older,
                                                               List<StoredBatch> learning, int stage) {
        Map<Long, StoredBatch> byId = new HashMap<>();
        older.forEach(b -> byId.put(b.batch().id(), b));
        learning.forEach(b -> byId.put(b.batch().id(), b));
        List<List<LabelledQuote>> out = new ArrayList<>();
        for (List<Long> step : steps) {
            List<LabelledQuote> v = new ArrayList<>();
            for (Long id : step) {
                StoredBatch b = byId.get(id);
                if (b != null) {
                    v.addAll(StoredBatch.forStage(b.validation(), stage));
                }
            }
            out.add(v);
        }
        return out;
    }

    private Candidate judge(int stage, StageWork w, Path folder, ModelVersion parent, Request r,
                                  List<Long> fresh, long runId) throws IOException {
        List<VersionEvaluation> rows = w.record().evaluations();
        AccuracyMatrix m = TimeMetrics.matrix(rows, TimeMetrics.majorityBaseline(rows.get(rows.size() - 1)));
        int t = rows.size() - 1;
        double activeRecent = rows.get(t - 1).accuracy(t);
        double candidateRecent = rows.get(t).accuracy(t);
        PromotionGate.Decision d = r.gate().decide(activeRecent, candidateRecent, m.backwardTransfer());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("strategy", r.strategy().asMap());
        metrics.put("update_run", runId);
        metrics.put("learned_batches", fresh);
        metrics.put("acc", m.averageAccuracy());
        metrics.put("bwt", m.backwardTransfer());
        metrics.put("fwt", m.forwardTransfer());
        metrics.put("recent", candidateRecent);
        metrics.put("active_recent", activeRecent);
        metrics.put("historical", TimeMetrics.historical(rows));
        metrics.put("class_forgetting", TimeMetrics.classForgetting(rows, w.labelOrder()));
        metrics.put("accuracy_matrix", nanToNull(m.r()));
        metrics.put("gate", Map.of("promote", d.promote(), "reason", d.reason()));
        metrics.put(TimeRecord.KEY, w.record());
        Path version = folder.resolve("stage" + stage);
        String provenance = Files.readString(version.resolve(ModelVersions.PROVENANCE));
        LOG.info("stage {} candidate: ACC {} BWT {} recent {} (active {}) -> {}", stage,
                m.averageAccuracy(), m.backwardTransfer(), candidateRecent, activeRecent, d.reason());
        return new Candidate(stage, parent.id(), version.toAbsolutePath().toString(), provenance,
                Json.MAPPER.writeValueAsString(metrics), d, metrics);
    }

    /** A stage's candidate before its row exists. */
    private record Candidate(int stage, long parentId, String path, String provenance, String metricsJson,
                             PromotionGate.Decision decision, Map<String, Object> metrics) {
        /** Creates the row; {@code refusal} non-null records why it stays a candidate. */
        StageOutcome create(QuoteStore store, String refusal) {
            ModelVersion v = store.models().create(stage, parentId, path, provenance, metricsJson);
            if (refusal != null) {
                v = store.models().updateStatus(v.id(), ModelStatus.CANDIDATE, refusal);
            }
            return new StageOutcome(stage, v, decision, metrics);
        }
    }

    private static List<List<Double>> nanToNull(double[][] r) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] row : r) {
            List<Double> l = new ArrayList<>();
            for (double v : row) {
                l.add(Double.isNaN(v) ? null : v);
            }
            out.add(l);
        }
        return out;
    }

    /** Batches newer than everything the active cascade's lineage learned (the latest batch when unknown). */
    private static List<Long> unlearned(CascadeVersions.Active active, List<Batch> all) {
        TimeRecord rec = TimeRecord.from(active.stage1().metricsJson());
        if (rec == null) {
            return all.isEmpty() ? List.of() : List.of(all.get(all.size() - 1).id());
        }
        Set<Long> learned = new java.util.HashSet<>();
        rec.steps().forEach(learned::addAll);
        return all.stream().map(Batch::id).filter(id -> !learned.contains(id)).toList();
    }
}

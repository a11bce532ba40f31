package org.quotelab.service.continual;

import org.quotelab.ml.infer.LoadedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.continual.AccuracyMatrix;
import org.quotelab.domain.continual.ReplayMemory;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.model.Devices;
import org.quotelab.ml.continual.ContinualTrainer;
import org.quotelab.ml.train.FineTuneRun;
import org.quotelab.ml.versions.ModelFolders;

/**
 * Replays a labelled stream: a model fine-tuned on the first batch, then for each strategy and
 * each later batch an optional drift check (before labels are used), an update, and an
 * evaluation of the new version on every batch's validation part. Versions live in a work folder;
 * only the current one per strategy is kept, to bound the disk used.
 */
public final class StreamEvaluation implements AutoCloseable {

    /** One strategy's figures; {@code seconds[i]} is the wall time of the update that learned batch i + 1. */
    public record StrategyResult(String strategy, AccuracyMatrix matrix, double[] seconds,
                                 Map<String, Double> classForgetting, double[] recent, double[] historical) {

        public double secondsPerUpdate() {
            double s = 0;
            for (double v : seconds) {
                s += v;
            }
            return seconds.length == 0 ? 0 : s / seconds.length;
        }
    }

    /** Called before batch t (t >= 1) is learned, with the version that will learn it; drift checks hook in here. */
    @FunctionalInterface
    public interface BeforeUpdate {
        void check(int t, Path current, List<StreamBatch> batches) throws IOException;
    }

    private final ComputeDevice device;
    private final FineTuneRun.ModelSource models;
    private final UpdateSettings settings;
    private final Path work;
    private final Consumer<String> phases;
    /** The replay's own: its evaluations and drift checks share a version's one loaded copy. */
    private final LoadedModels loaded = new LoadedModels();

    /**
     * Fine-tunes start from the BERT models the ml layer opens (bundled, tiny or a folder) on
     * {@code device}. Close it after the run: that frees the versions it still holds.
     */
    public StreamEvaluation(ComputeDevice device, UpdateSettings settings, Path work, Consumer<String> phases) {
        this.device = device;
        this.models = BertModels.on(device);
        this.settings = settings;
        this.work = work;
        this.phases = phases;
    }

    /** On the automatic device. */
    public static StreamEvaluation onBert(UpdateSettings settings, Path work, Consumer<String> phases) {
        return new StreamEvaluation(ComputeDevice.AUTO, settings, work, phases);
    }

    /**
     * A drift check before each update that shares this replay's loaded versions; {@code tiny}:
     * embed with the small random BERT instead of the bundled one. Close it after the run.
     */
    public StreamDrift drift(boolean tiny, Consumer<DriftReport> reports) {
        return new StreamDrift(loaded, tiny, reports);
    }

    @Override
    public void close() {
        loaded.close();
    }

    public List<StrategyResult> run(List<StreamBatch> batches, List<Strategy> strategies, String task,
                                    BeforeUpdate drift) throws IOException {
        if (batches.size() < 2) {
            throw new IllegalArgumentException("a stream needs at least 2 batches, got " + batches.size());
        }
        TreeSet<String> all = new TreeSet<>();
        batches.forEach(b -> {
            b.train().forEach(q -> all.add(q.label()));
            b.validation().forEach(q -> all.add(q.label()));
        });
        List<String> labelOrder = List.copyOf(all);
        List<List<LabelledQuote>> validation = batches.stream().map(StreamBatch::validation).toList();
        Files.createDirectories(work);
        Path initial = work.resolve("initial");
        if (!Files.exists(initial)) {
            phases.accept("fine-tuning the first model on " + batches.get(0).name() + " ("
                    + batches.get(0).train().size() + " quotes)");
            new ContinualTrainer(models, null).train(new ContinualTrainer.Request(settings.baseModel(), labelOrder,
                    ContinualStep.texts(batches.get(0).train()), ContinualStep.labels(batches.get(0).train()),
                    settings.full(), null, Map.of("strategy", "initial"), task), initial, () -> false);
        }
        VersionEvaluation first = VersionEvaluation.of(loaded, initial, labelOrder, validation, device);
        List<StrategyResult> results = new ArrayList<>();
        boolean driftDone = false;
        for (Strategy s : strategies) {
            results.add(runOne(s, batches, labelOrder, validation, initial, first, task, driftDone ? null : drift));
            driftDone = true;
        }
        return results;
    }

    private StrategyResult runOne(Strategy s, List<StreamBatch> batches, List<String> labelOrder,
                                  List<List<LabelledQuote>> validation, Path initial, VersionEvaluation first,
                                  String task, BeforeUpdate drift) throws IOException {
        ContinualStep step = new ContinualStep(models, null);
        Path dir = work.resolve(s.name().replace('+', '_'));
        ModelFolders.deleteTree(dir);
        Files.createDirectories(dir);
        List<VersionEvaluation> rows = new ArrayList<>(List.of(first));
        List<LabelledQuote> history = new ArrayList<>(batches.get(0).train());
        ReplayMemory memory = ReplayMemory.empty(s.replayCapacity(), s.replaySelection());
        memory = memory.offer(entries(batches.get(0).train(), labelOrder), settings.seed());
        Path current = initial;
        double[] seconds = new double[batches.size() - 1];
        double[] recent = new double[batches.size()];
        double[] historical = new double[batches.size()];
        recent[0] = first.accuracy(0);
        historical[0] = Double.NaN;
        for (int t = 1; t < batches.size(); t++) {
            if (drift != null) {
                drift.check(t, current, batches);
            }
            StreamBatch b = batches.get(t);
            phases.accept(s.name() + ": learning " + b.name() + " (" + b.train().size() + " quotes)");
            List<LabelledQuote> memoryQuotes = resolve(memory, history);
            ContinualStep.Input in = new ContinualStep.Input(s, settings, current.toString(), labelOrder, b.train(),
                    history, memory, memoryQuotes, task);
            Path next = dir.resolve("after-" + t);
            ContinualStep.Result r = step.learn(in, next, () -> false);
            seconds[t - 1] = r.seconds();
            memory = r.memory();
            if (!current.equals(initial)) {
                ModelFolders.deleteTree(current);
            }
            current = next;
            history.addAll(b.train());
            rows.add(VersionEvaluation.of(loaded, current, labelOrder, validation, device));
            recent[t] = TimeMetrics.recent(rows);
            historical[t] = TimeMetrics.historical(rows);
            phases.accept(String.format(java.util.Locale.ROOT, "%s: after %s recent %.4f historical %.4f (%.1f s)",
                    s.name(), b.name(), recent[t], historical[t], r.seconds()));
        }
        ModelFolders.deleteTree(dir);
        AccuracyMatrix m = TimeMetrics.matrix(rows, TimeMetrics.majorityBaseline(validation, labelOrder));
        return new StrategyResult(s.name(), m, seconds, TimeMetrics.classForgetting(rows, labelOrder), recent,
                historical);
    }

    private static List<ReplayMemory.Entry> entries(List<LabelledQuote> quotes, List<String> labelOrder) {
        return quotes.stream().map(q -> new ReplayMemory.Entry(q.id(), labelOrder.indexOf(q.label()))).toList();
    }

    private static List<LabelledQuote> resolve(ReplayMemory memory, List<LabelledQuote> history) {
        java.util.Map<Long, LabelledQuote> byId = new java.util.HashMap<>();
        history.forEach(q -> byId.put(q.id(), q));
        return memory.entries().stream().map(e -> byId.get(e.quoteId())).filter(java.util.Objects::nonNull).toList();
    }

    /** Removes a scratch folder of a stream replay (the CLI's temporary work folder). */
    public static void deleteWorkFolder(Path dir) throws IOException {
        ModelFolders.deleteTree(dir);
    }
}

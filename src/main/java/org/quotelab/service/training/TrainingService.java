package org.quotelab.service.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.model.TrainingRun;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.ml.infer.NativeMemory;
import org.quotelab.ml.model.Devices;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.continual.ContinualUpdater;
import org.quotelab.service.jobs.Job;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;

/**
 * Training use cases as background jobs: a full fine-tune of the cascade from the store's
 * labelled quotes, and a continual update from new batches. Both report {@link TrainingEvent}s,
 * record a run with its loss and epoch rows, and register the versions they produce. Only one
 * runs at a time: DJL's PyTorch gradient collector is process-wide (ADR 0004).
 */
public final class TrainingService {

    /** What the Training view needs to offer: how much there is to learn from, and from which batches. */
    public record Status(long labelledQuotes, boolean activeCascade, List<Batch> batches) {

        /** The one-click first fine-tune makes sense: labels exist, no cascade does. */
        public boolean offerFirstModel() {
            return labelledQuotes > 0 && !activeCascade;
        }
    }

    private final QuoteStore store;
    private final Path modelsDir;
    private final Semaphore oneAtATime = new Semaphore(1);
    private final LoadedModels models;

    /** {@code models}: the workbench's loaded models, closed when idle before a job and shared with its evaluations. */
    public TrainingService(QuoteStore store, Path modelsDir, LoadedModels models) {
        this.store = store;
        this.modelsDir = modelsDir;
        this.models = models;
    }

    public Path modelsDir() {
        return modelsDir;
    }

    /** Reads the store; call it from a job. */
    public Status status() {
        return new Status(store.quotes().count(TrainingQuotes.FILTER), new CascadeVersions(store).active().isPresent(),
                store.batches().list());
    }

    /** The choices the machine offers (GPU only when the engine sees one); loads the engine, so call it from a job. */
    public List<DeviceChoice> devices() {
        return Devices.gpuAvailable() ? List.of(DeviceChoice.AUTO, DeviceChoice.CPU, DeviceChoice.GPU)
                : List.of(DeviceChoice.AUTO, DeviceChoice.CPU);
    }

    /** The full fine-tune of {@code r.stages()}; the new cascade becomes the active one when it completes. */
    public Job<TrainingOutcome> fineTune(FineTuneRequest r, Consumer<TrainingEvent> events) {
        return (progress, cancel) -> exclusively(r.device(), device -> new FullFineTune(store, modelsDir, models)
                .run(r, new ProgressTracker(events, progress, store.metrics()), cancel, device));
    }

    /** Both stages with the defaults of {@code quotelab cascade train}: "Train the first model". */
    public Job<TrainingOutcome> firstModel(Consumer<TrainingEvent> events) {
        return fineTune(FineTuneRequest.defaults(), events);
    }

    /**
     * The first start: a quick-start cascade (linear heads on the frozen encoder, about a minute)
     * becomes active and serves predictions, announced by a {@link TrainingEvent.Serving}; then the
     * full fine-tune of {@code r} runs and replaces it only when it scores better on the held-out
     * quotes. Cancelling during the fine-tune keeps the quick-start model.
     */
    public Job<TrainingOutcome> quickStart(FineTuneRequest r, Consumer<TrainingEvent> events) {
        return (progress, cancel) -> exclusively(r.device(), device -> {
            TrainingOutcome quick = new QuickStart(store, modelsDir, models).run(r.config(),
                    new ProgressTracker(events, progress, store.metrics()), cancel);
            if (events != null) {
                events.accept(new TrainingEvent.Serving(quick.summary()));
            }
            return new FullFineTune(store, modelsDir, models, true).run(new FineTuneRequest(Stages.BOTH, r.config(), r.device()),
                    new ProgressTracker(events, progress, store.metrics()), cancel, device);
        });
    }

    /**
     * A continual update of both stages of the active cascade; the candidates become active only
     * when the promotion gate lets both pass.
     */
    public Job<TrainingOutcome> update(UpdateRequest r, Consumer<TrainingEvent> events) {
        return (progress, cancel) -> exclusively(r.device(), device -> {
            ProgressTracker tracker = new ProgressTracker(events, progress, store.metrics());
            // each stage is one fine-tune of unknown length until its first step
            tracker.expect(List.of(-1, -1));
            ProgressSink phases = (fraction, message) -> {
                if (!tracker.recording()) {
                    runningUpdate().ifPresent(tracker::recordInto);
                }
                tracker.phase(message);
            };
            ContinualUpdater updater = new ContinualUpdater(store, modelsDir, models, device, tracker);
            try {
                ContinualUpdater.Outcome o = updater.update(new ContinualUpdater.Request(r.batchIds(), r.strategy(),
                        r.settings(), r.gate()), phases, cancel);
                String summary = (o.promoted() ? "Update promoted: " : "Update kept as candidate: ")
                        + o.stages().stream().map(s -> "stage " + s.stage() + " v" + s.candidate().id() + " ("
                        + s.decision().reason() + ")").toList();
                return new TrainingOutcome(o.runId(), o.folder(), o.promoted(), o.stages().get(0).candidate().id(),
                        o.stages().get(1).candidate().id(), summary);
            } finally {
                tracker.flush();
            }
        });
    }

    /** The update's run: the updater starts it itself, and only one training runs at a time. */
    private Optional<Long> runningUpdate() {
        return store.runs().list().stream()
                .filter(t -> t.status() == RunStatus.RUNNING && t.jobId().startsWith("update-"))
                .map(TrainingRun::id).findFirst();
    }

    /** A training job's work on the device the user chose. */
    @FunctionalInterface
    private interface OnDevice<T> {
        T run(ComputeDevice device) throws Exception;
    }

    private <T> T exclusively(DeviceChoice choice, OnDevice<T> work) throws Exception {
        if (!oneAtATime.tryAcquire()) {
            throw new IllegalStateException("another training job is running: wait for it or cancel it");
        }
        try {
            // the fine-tune's peak is the process's: models kept loaded for scoring can be loaded again
            models.closeIdle();
            NativeMemory.trim(); // and the pages scoring and Monitoring freed: the job starts lower
            return work.run(choice.device());
        } finally {
            // the job's tensors are freed, but glibc keeps their pages until asked
            NativeMemory.trim();
            oneAtATime.release();
        }
    }
}

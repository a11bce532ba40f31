package org.quotelab.service.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.quotelab.domain.model.EpochMetrics;
import org.quotelab.domain.model.LossPoint;
import org.quotelab.ml.train.EpochSummary;
import org.quotelab.ml.train.StepProgress;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.service.Json;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.MetricsRepository;

/**
 * Turns the trainer's callbacks into {@link TrainingEvent}s, job progress with an ETA, and the
 * store's loss and epoch tables. A job runs several fine-tunes one after another (stage 1, the
 * cross-fitting folds, stage 2), each counting steps from 1: they are laid end to end so the job
 * has one step axis. Called on the training thread only.
 */
final class ProgressTracker implements FineTuneListener {

    /** At most about this many loss points per fine-tune reach the view and the store. */
    private static final int POINTS_PER_FINE_TUNE = 300;
    private static final int FLUSH_EVERY = 20;
    /** Share of the progress bar left for what follows training (calibration, registration). */
    private static final double TRAINING_SHARE = 0.95;

    private final Consumer<TrainingEvent> events;
    private final ProgressSink progress;
    private final MetricsRepository metrics;
    /** Expected steps of each fine-tune in order; -1 = unknown, assumed as long as the current one. */
    private final List<Integer> plan = new ArrayList<>();
    private final List<LossPoint> buffer = new ArrayList<>();
    private long runId = -1;
    private String phase = "starting";
    private int fineTune = -1;
    private int lastStep = Integer.MAX_VALUE;
    private int stepsBefore;
    private int epochsRecorded;
    private long firstStepNanos;
    private double fraction;

    ProgressTracker(Consumer<TrainingEvent> events, ProgressSink progress, MetricsRepository metrics) {
        this.events = events == null ? e -> { } : events;
        this.progress = progress;
        this.metrics = metrics;
    }

    /** The expected steps of each fine-tune the job will run, before any has started. */
    void expect(List<Integer> steps) {
        plan.clear();
        plan.addAll(steps);
    }

    /** The run the loss and epoch rows belong to; no row is written before it is known. */
    void recordInto(long runId) {
        this.runId = runId;
    }

    boolean recording() {
        return runId >= 0;
    }

    void phase(String name) {
        flush();
        phase = name;
        events.accept(new TrainingEvent.Phase(name));
        progress.update(fraction, name);
    }

    /** For the end of a job: the part after training. */
    void progress(double value, String message) {
        fraction = value;
        progress.update(value, message);
    }

    @Override
    public void onStep(StepProgress s) {
        if (s.step() <= lastStep) {
            startFineTune(s.totalSteps());
        }
        lastStep = s.step();
        int global = stepsBefore + s.step();
        int total = Math.max(global, plannedTotal(s.totalSteps()));
        double elapsed = (System.nanoTime() - firstStepNanos) / 1e9;
        // the first step is timed from its own start, so the rate needs two steps
        double eta = global > 1 ? (total - global) * elapsed / (global - 1) : Double.NaN;
        fraction = TRAINING_SHARE * global / total;
        int every = Math.max(1, s.totalSteps() / POINTS_PER_FINE_TUNE);
        if (s.step() % every == 0 || s.step() == s.totalSteps()) {
            if (Double.isFinite(s.loss())) {
                buffer.add(new LossPoint(runId, global, epochsRecorded + 1, s.loss()));
                if (buffer.size() >= FLUSH_EVERY) {
                    flush();
                }
            }
            events.accept(new TrainingEvent.Step(global, phase, s.epoch(), s.epochs(), s.loss(), fraction, eta));
            progress.update(fraction, String.format(Locale.ROOT, "%s - step %d of about %d%s", phase, global, total,
                    Double.isNaN(eta) ? "" : ", " + eta(eta) + " left"));
        }
    }

    private void startFineTune(int totalSteps) {
        if (fineTune >= 0) {
            stepsBefore += lastStep;
        } else {
            firstStepNanos = System.nanoTime();
        }
        fineTune++;
        if (fineTune < plan.size()) {
            plan.set(fineTune, totalSteps);
        } else {
            plan.add(totalSteps);
        }
    }

    private int plannedTotal(int current) {
        int total = stepsBefore;
        for (int i = fineTune; i < plan.size(); i++) {
            total += plan.get(i) < 0 ? current : plan.get(i);
        }
        return total;
    }

    @Override
    public void onEpoch(EpochSummary e) {
        flush();
        double acc = e.validation() == null ? Double.NaN : e.validation().accuracy();
        double f1 = e.validation() == null ? Double.NaN : e.validation().macro().f1();
        epochsRecorded++;
        if (runId >= 0) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("phase", phase);
            extra.put("epoch_of_fine_tune", e.epoch());
            extra.put("epochs_of_fine_tune", e.epochs());
            extra.put("best", e.best());
            extra.put("seconds", e.seconds());
            // epochs are numbered over the whole job: the table's key is (run, epoch)
            metrics.addEpoch(new EpochMetrics(runId, epochsRecorded, e.meanLoss(), e.validationLoss(), acc, f1,
                    json(extra)));
        }
        events.accept(new TrainingEvent.Epoch(phase, e.epoch(), e.epochs(), e.meanLoss(), acc, f1, e.best(), e.seconds(),
                e.validationLoss()));
    }

    /** Writes the buffered loss points; also called when the job ends, however it ends. */
    void flush() {
        if (runId >= 0 && !buffer.isEmpty()) {
            metrics.addLoss(buffer.stream().map(p -> new LossPoint(runId, p.step(), p.epoch(), p.loss())).toList());
        }
        buffer.clear();
    }

    static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String json(Map<String, Object> m) {
        try {
            return Json.MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

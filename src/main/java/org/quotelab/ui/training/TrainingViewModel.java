package org.quotelab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.quote.Batch;
import org.quotelab.service.Workbench;
import org.quotelab.service.jobs.Job;
import org.quotelab.service.training.DeviceChoice;
import org.quotelab.service.training.FineTuneRequest;
import org.quotelab.service.training.Stages;
import org.quotelab.service.training.TrainingEvent;
import org.quotelab.service.training.TrainingOutcome;
import org.quotelab.service.training.TrainingService;
import org.quotelab.service.training.UpdateRequest;
import org.quotelab.ui.common.JobStatus;
import org.quotelab.ui.common.UiJobs;

/**
 * State of the Training view: the new-job form, and the running job's progress, loss curve and
 * epoch table. The job's events reach the FX thread in batches ({@link UiJobs#batched}), so the
 * view-model can be tested without the FX thread; the job keeps running when the
 * view is not on screen, since the ViewModel lives as long as the window.
 */
public final class TrainingViewModel {

    /**
     * One row of the per-epoch validation table; {@code kept} says which epoch the fine-tune
     * keeps: the best so far on its hold-out, or, without a hold-out, the last one.
     */
    public record EpochRow(String phase, String epoch, double trainLoss, double accuracy, double macroF1, String kept,
                           double validationLoss) {
    }

    static final String BEST_SO_FAR = "best so far";
    static final String LAST_EPOCH = "last epoch (no hold-out)";

    /** A fine-tune without a hold-out has no "best" epoch: it keeps its last. */
    static String kept(TrainingEvent.Epoch ep) {
        if (Double.isNaN(ep.accuracy())) {
            return ep.epoch() == ep.epochs() ? LAST_EPOCH : "";
        }
        return ep.best() ? BEST_SO_FAR : "";
    }

    private final Workbench workbench;
    private final TrainingService service;
    private final UiJobs jobs;
    private final Runnable afterJob;
    private final TrainingForm form = new TrainingForm();
    private final ReadOnlyObjectWrapper<TrainingService.Status> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper offerFirstModel = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<DeviceChoice> devices = FXCollections.observableArrayList(DeviceChoice.AUTO,
            DeviceChoice.CPU);
    private final ObservableList<Batch> batches = FXCollections.observableArrayList();
    /**
     * The running job: busy, progress and message. Progress comes from the training events (one
     * batch of them per pulse), not from the job's own reports, so the status does not follow them.
     */
    private final JobStatus job;
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ObservableList<TrainingEvent.Step> loss = FXCollections.observableArrayList();
    private final ObservableList<EpochRow> epochs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TrainingOutcome> outcome = new ReadOnlyObjectWrapper<>();

    /** @param afterJob called on the FX thread after a job ended: refreshes the status bar and Review */
    public TrainingViewModel(Workbench workbench, UiJobs jobs, Runnable afterJob) {
        this.workbench = workbench;
        this.service = workbench.training();
        this.jobs = jobs;
        this.afterJob = afterJob;
        this.job = new JobStatus(jobs, false);
        job.setProgress(0);
    }

    /** Reads what there is to train on, and which devices the machine offers once the engine is loaded. */
    public void reload() {
        jobs.run("Reading the training status", (p, c) -> service.status(), s -> {
            status.set(s);
            batches.setAll(s.batches());
            offerFirstModel.set(s.offerFirstModel());
        }, () -> { }, e -> job.setMessage("Could not read the store: " + e.getMessage()));
        if (workbench.engineLoaded()) {
            detectDevices();
        }
    }

    /**
     * Offers the GPU when the engine sees one. Detecting loads the engine, so the window calls this
     * once a job has loaded it; until then the form offers auto and CPU, and auto takes the GPU.
     */
    public void detectDevices() {
        jobs.run("Detecting training devices", (p, c) -> service.devices(), this::devicesFound, () -> { },
                e -> job.setMessage("Could not detect the devices: " + e.getMessage()));
    }

    private void devicesFound(List<DeviceChoice> found) {
        if (found.equals(devices)) {
            return;
        }
        // replacing a combo box's items clears its value, and the form is bound to it
        DeviceChoice chosen = form.device().get();
        devices.setAll(found);
        form.device().set(found.contains(chosen) ? chosen : DeviceChoice.AUTO);
    }

    /** Starts the job the form describes; a form error is shown and nothing starts. */
    public void start() {
        try {
            if (form.kind().get() == JobKind.FULL_FINE_TUNE) {
                FineTuneRequest request = form.fineTune().toRequest();
                launch("Training: " + request.stages().name().toLowerCase(Locale.ROOT), ev -> service.fineTune(request, ev));
            } else {
                UpdateRequest request = form.update().toRequest();
                launch("Training: " + request.strategy().name() + " update", ev -> service.update(request, ev));
            }
        } catch (IllegalArgumentException e) {
            job.setMessage(e.getMessage());
        }
    }

    /** "Train the first model": both stages with the form's values, which start as the defaults. */
    public void trainFirstModel() {
        try {
            FineTuneRequest request = form.fineTune().withStages(Stages.BOTH).toRequest();
            launch("Training the first model", ev -> service.fineTune(request, ev));
        } catch (IllegalArgumentException e) {
            job.setMessage(e.getMessage());
        }
    }

    /**
     * The first start: a quick-start model (linear heads on the frozen encoder) serves within
     * about a minute, then the full fine-tune runs and replaces it only when it scores better.
     */
    public void quickStart() {
        try {
            FineTuneRequest request = form.fineTune().withStages(Stages.BOTH).toRequest();
            launch("Quick start, then the full fine-tune", ev -> service.quickStart(request, ev));
        } catch (IllegalArgumentException e) {
            job.setMessage(e.getMessage());
        }
    }

    private interface JobFactory {
        Job<TrainingOutcome> create(Consumer<TrainingEvent> events);
    }

    private void launch(String title, JobFactory factory) {
        if (job.isBusy()) {
            job.setMessage("A training job is running: cancel it or wait for it first.");
            return;
        }
        loss.clear();
        epochs.clear();
        outcome.set(null);
        offerFirstModel.set(false);
        job.setProgress(0);
        phase.set("starting");
        counts.set("");
        eta.set("");
        job.run(title, "", factory.create(jobs.batched(this::apply)), this::finished, () -> {
            phase.set("cancelled");
            ended("Training cancelled", "cancelled; nothing was registered");
        }, e -> {
            phase.set("failed");
            ended("Training failed", String.valueOf(e.getMessage()));
        });
    }

    public void cancel() {
        if (job.isBusy()) {
            job.setMessage("Cancelling at the next step...");
            job.cancel();
        }
    }

    private void apply(List<TrainingEvent> batch) {
        List<TrainingEvent.Step> steps = new ArrayList<>();
        for (TrainingEvent e : batch) {
            if (e instanceof TrainingEvent.Phase p) {
                phase.set(p.name());
                if (p.name().contains("labelled quotes =")) {
                    // "stage 1: 2,494 labelled quotes = 2,120 to train + 374 held out ...": how the counts add up
                    counts.set(p.name().substring(p.name().indexOf(':') + 1).trim());
                }
            } else if (e instanceof TrainingEvent.Serving s) {
                notice.set(s.summary());
                afterJob.run(); // a model serves now: the status bar, Review and Threshold show it
                reload();
            } else if (e instanceof TrainingEvent.Step s) {
                steps.add(s);
                job.setProgress(s.fraction());
                eta.set(Double.isNaN(s.etaSeconds()) ? "" : formatEta(s.etaSeconds()));
            } else if (e instanceof TrainingEvent.Epoch ep) {
                // "stage 2: fine-tuning on 300 quotes" -> "stage 2": the column is narrow
                String fineTune = ep.phase().contains(":") ? ep.phase().substring(0, ep.phase().indexOf(':')) : ep.phase();
                epochs.add(new EpochRow(fineTune, ep.epoch() + " of " + ep.epochs(), ep.trainLoss(), ep.accuracy(),
                        ep.macroF1(), kept(ep), ep.validationLoss()));
            }
        }
        // one list change per batch: the chart redraws once, however many steps arrived
        loss.addAll(steps);
    }

    private void finished(TrainingOutcome o) {
        outcome.set(o);
        job.setProgress(1);
        // the last phase ("calibrating ...") is over: say how the job ended instead
        phase.set(o.activated() ? "finished: the new model is active" : "finished: kept as candidate");
        ended(o.activated() ? "Training finished" : "Training finished (kept as candidate)", o.summary());
    }

    /** After JobStatus has cleared busy. */
    private void ended(String title, String text) {
        eta.set("");
        job.setMessage(title + ": " + text);
        notice.set(title + ": " + text);
        reload();
        afterJob.run();
    }

    static String formatEta(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d left", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d left", s / 60, s % 60);
    }

    public TrainingForm form() {
        return form;
    }

    public ReadOnlyObjectProperty<TrainingService.Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offerFirstModelProperty() {
        return offerFirstModel.getReadOnlyProperty();
    }

    public ObservableList<DeviceChoice> devices() {
        return devices;
    }

    public ObservableList<Batch> batches() {
        return batches;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.busyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** How the labelled quotes divide in the running job: trained on, held out, and why. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return job.messageProperty();
    }

    /** The last "done / failed / cancelled" sentence; the view turns each change into a notification. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObservableList<TrainingEvent.Step> loss() {
        return loss;
    }

    public ObservableList<EpochRow> epochs() {
        return epochs;
    }

    public ReadOnlyObjectProperty<TrainingOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}

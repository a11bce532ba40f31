package org.quotelab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
import org.quotelab.ui.common.FxBatches;
import org.quotelab.ui.common.FxJobs;

/**
 * State of the Training view: the new-job form, and the running job's progress, loss curve and
 * epoch table. The job's events reach the FX thread in batches; the job keeps running when the
 * view is not on screen, since the ViewModel lives as long as the window.
 */
public final class TrainingViewModel {

    /** One row of the per-epoch validation table. */
    public record EpochRow(String phase, String epoch, double trainLoss, double accuracy, double macroF1, boolean best) {
    }

    private final Workbench workbench;
    private final TrainingService service;
    private final FxJobs jobs;
    private final Runnable afterJob;
    private final TrainingForm form = new TrainingForm();
    private final ObjectProperty<TrainingService.Status> status = new SimpleObjectProperty<>();
    private final BooleanProperty offerFirstModel = new SimpleBooleanProperty(false);
    private final ObservableList<DeviceChoice> devices = FXCollections.observableArrayList(DeviceChoice.AUTO,
            DeviceChoice.CPU);
    private final ObservableList<Batch> batches = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty phase = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObservableList<TrainingEvent.Step> loss = FXCollections.observableArrayList();
    private final ObservableList<EpochRow> epochs = FXCollections.observableArrayList();
    private final ObjectProperty<TrainingOutcome> outcome = new SimpleObjectProperty<>();
    private FxJobs.Tracked<TrainingOutcome> current;

    /** @param afterJob called on the FX thread after a job ended: refreshes the status bar and Review */
    public TrainingViewModel(Workbench workbench, FxJobs jobs, Runnable afterJob) {
        this.workbench = workbench;
        this.service = workbench.training();
        this.jobs = jobs;
        this.afterJob = afterJob;
    }

    /** Reads what there is to train on, and which devices the machine offers once the engine is loaded. */
    public void reload() {
        jobs.run("Reading the training status", (p, c) -> service.status(), s -> {
            status.set(s);
            batches.setAll(s.batches());
            offerFirstModel.set(s.offerFirstModel());
        }, () -> { }, e -> message.set("Could not read the store: " + e.getMessage()));
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
                e -> message.set("Could not detect the devices: " + e.getMessage()));
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
            message.set(e.getMessage());
        }
    }

    /** "Train the first model": both stages with the form's values, which start as the defaults. */
    public void trainFirstModel() {
        try {
            FineTuneRequest request = form.fineTune().withStages(Stages.BOTH).toRequest();
            launch("Training the first model", ev -> service.fineTune(request, ev));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    private interface JobFactory {
        Job<TrainingOutcome> create(Consumer<TrainingEvent> events);
    }

    private void launch(String title, JobFactory factory) {
        if (running.get()) {
            message.set("A training job is running: cancel it or wait for it first.");
            return;
        }
        loss.clear();
        epochs.clear();
        outcome.set(null);
        running.set(true);
        offerFirstModel.set(false);
        progress.set(0);
        phase.set("starting");
        eta.set("");
        message.set("");
        FxBatches<TrainingEvent> events = new FxBatches<>(this::apply);
        current = jobs.run(title, factory.create(events), this::finished, () -> ended("Training cancelled",
                "cancelled; nothing was registered"), e -> ended("Training failed", String.valueOf(e.getMessage())));
    }

    public void cancel() {
        if (current != null) {
            message.set("Cancelling at the next step...");
            current.cancel();
        }
    }

    private void apply(List<TrainingEvent> batch) {
        List<TrainingEvent.Step> steps = new ArrayList<>();
        for (TrainingEvent e : batch) {
            if (e instanceof TrainingEvent.Phase p) {
                phase.set(p.name());
            } else if (e instanceof TrainingEvent.Step s) {
                steps.add(s);
                progress.set(s.fraction());
                eta.set(Double.isNaN(s.etaSeconds()) ? "" : formatEta(s.etaSeconds()));
            } else if (e instanceof TrainingEvent.Epoch ep) {
                // "stage 2: fine-tuning on 300 quotes" -> "stage 2": the column is narrow
                String fineTune = ep.phase().contains(":") ? ep.phase().substring(0, ep.phase().indexOf(':')) : ep.phase();
                epochs.add(new EpochRow(fineTune, ep.epoch() + " of " + ep.epochs(), ep.trainLoss(), ep.accuracy(),
                        ep.macroF1(), ep.best()));
            }
        }
        // one list change per batch: the chart redraws once, however many steps arrived
        loss.addAll(steps);
    }

    private void finished(TrainingOutcome o) {
        outcome.set(o);
        progress.set(1);
        ended(o.activated() ? "Training finished" : "Training finished (kept as candidate)", o.summary());
    }

    private void ended(String title, String text) {
        running.set(false);
        current = null;
        eta.set("");
        message.set(title + ": " + text);
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

    public ObjectProperty<TrainingService.Status> statusProperty() {
        return status;
    }

    public BooleanProperty offerFirstModelProperty() {
        return offerFirstModel;
    }

    public ObservableList<DeviceChoice> devices() {
        return devices;
    }

    public ObservableList<Batch> batches() {
        return batches;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty phaseProperty() {
        return phase;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The last "done / failed / cancelled" sentence; the view turns each change into a notification. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public ObservableList<TrainingEvent.Step> loss() {
        return loss;
    }

    public ObservableList<EpochRow> epochs() {
        return epochs;
    }

    public ObjectProperty<TrainingOutcome> outcomeProperty() {
        return outcome;
    }
}

package org.quotelab.ui.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.service.schedule.Schedule;
import org.quotelab.service.schedule.ScheduleSettings;
import org.quotelab.ui.common.JobStatus;
import org.quotelab.ui.common.ShowsJobStatus;
import org.quotelab.ui.common.UiJobs;

/**
 * State of the Schedule view. The form's fields are plain text and check boxes; Save checks them
 * (a clear message for a bad number or time), stores them and starts or stops the background
 * schedule. The history reloads after every pass that recorded steps.
 */
public final class ScheduleViewModel implements ShowsJobStatus {
    static final int HISTORY = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** What one reading shows. */
    private record Reading(ScheduleSettings settings, Schedule.Status status, List<ScheduleEvent> history) {
    }

    private final Schedule schedule;
    private final UiJobs jobs;
    private final JobStatus status;
    private final LongConsumer showBatch;
    private final LongConsumer showVersion;
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty everyBatches = new SimpleStringProperty("");
    private final StringProperty minLabels = new SimpleStringProperty("");
    private final BooleanProperty onDrift = new SimpleBooleanProperty();
    private final StringProperty at = new SimpleStringProperty("");
    private final BooleanProperty never = new SimpleBooleanProperty();
    private final StringProperty pollSeconds = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextRun = new ReadOnlyStringWrapper("");
    private final ObservableList<ScheduleEvent> events = FXCollections.observableArrayList();
    private final ObjectProperty<ScheduleEvent> selected = new SimpleObjectProperty<>();

    /**
     * @param showBatch   opens a batch (Review filtered to it)
     * @param showVersion opens a model version (Models view)
     */
    public ScheduleViewModel(Schedule schedule, UiJobs jobs, LongConsumer showBatch, LongConsumer showVersion) {
        this.schedule = schedule;
        this.jobs = jobs;
        this.status = new JobStatus(jobs);
        this.showBatch = showBatch;
        this.showVersion = showVersion;
        // the schedule's thread tells us; the reading itself runs as a job like every other
        schedule.addListener(() -> Platform.runLater(this::reload));
    }

    /** Reads the settings into the form, the status and the history. */
    public void reload() {
        jobs.run("Reading the schedule", (p, c) -> new Reading(schedule.settings(), schedule.status(),
                schedule.history(HISTORY)), this::show, () -> { },
                e -> status.setMessage("Could not read the schedule: " + e.getMessage()));
    }

    private void show(Reading r) {
        ScheduleSettings s = r.settings();
        folder.set(s.folder() == null ? "" : s.folder());
        everyBatches.set(String.valueOf(s.everyBatches()));
        minLabels.set(String.valueOf(s.minNewLabels()));
        onDrift.set(s.onDrift());
        at.set(s.at() == null ? "" : s.at());
        never.set(s.never());
        pollSeconds.set(String.valueOf(s.pollSeconds()));
        enabled.set(s.enabled());
        showStatus(r.status());
        events.setAll(r.history());
    }

    private void showStatus(Schedule.Status st) {
        running.set(st.running());
        state.set((st.running() ? "Running: watching " + st.folder() : st.folder() == null
                ? "Stopped: choose a folder to watch" : "Stopped (" + st.folder() + ")") + ". Policy: " + st.policy()
                + (st.lastError() == null ? "" : ". Last error: " + st.lastError()));
        StringBuilder next = new StringBuilder();
        next.append(st.running() && st.nextPoll() != null ? "Next look at the folder: " + time(st.nextPoll())
                : st.running() ? "Next look at the folder: now" : "Next look at the folder: not scheduled");
        if (st.nextUpdateTime() != null) {
            next.append(". Next timed update: ").append(time(st.nextUpdateTime()));
        }
        next.append(". Batches waiting for an update: ").append(st.waiting().isEmpty() ? "none" : st.waiting());
        nextRun.set(next.toString());
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** Checks the form, stores it, and starts or stops the schedule accordingly. */
    public void save() {
        ScheduleSettings s;
        try {
            s = new ScheduleSettings(folder.get(), number(everyBatches.get(), "batches"),
                    number(minLabels.get(), "labels"), onDrift.get(), at.get(), never.get(),
                    number(pollSeconds.get(), "seconds"), enabled.get());
            if (s.enabled() && s.folder() == null) {
                throw new IllegalArgumentException("choose a folder to watch first");
            }
        } catch (IllegalArgumentException e) {
            status.setMessage("Not saved: " + e.getMessage());
            return;
        }
        ScheduleSettings chosen = s;
        status.run("Saving the schedule", "Saving...", (p, c) -> {
            schedule.save(chosen);
            return new Reading(schedule.settings(), schedule.status(), schedule.history(HISTORY));
        }, r -> {
            show(r);
            status.setMessage(r.status().running() ? "Saved; the schedule runs while QuoteLab is open."
                    : "Saved; the schedule is stopped.");
        }, e -> status.setMessage("Not saved: " + e.getMessage()));
    }

    private static int number(String text, String what) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the number of " + what + " must be a whole number, 0 or more, not '"
                    + text + "'");
        }
    }

    /** Opens the selected step's first batch in Review. */
    public void openBatch() {
        ScheduleEvent e = selected.get();
        if (e != null && !e.batchIds().isEmpty()) {
            showBatch.accept(e.batchIds().get(0));
        }
    }

    /** Opens the selected update's stage-1 candidate in the Models view. */
    public void openVersion() {
        ScheduleEvent e = selected.get();
        if (e != null && e.stage1VersionId() != null) {
            showVersion.accept(e.stage1VersionId());
        }
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty everyBatchesProperty() {
        return everyBatches;
    }

    public StringProperty minLabelsProperty() {
        return minLabels;
    }

    public BooleanProperty onDriftProperty() {
        return onDrift;
    }

    public StringProperty atProperty() {
        return at;
    }

    public BooleanProperty neverProperty() {
        return never;
    }

    public StringProperty pollSecondsProperty() {
        return pollSeconds;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextRunProperty() {
        return nextRun.getReadOnlyProperty();
    }

    public ObservableList<ScheduleEvent> events() {
        return events;
    }

    /** The history table's selection: an input, so it stays writable. */
    public ObjectProperty<ScheduleEvent> selectedProperty() {
        return selected;
    }

    @Override
    public JobStatus jobStatus() {
        return status;
    }
}

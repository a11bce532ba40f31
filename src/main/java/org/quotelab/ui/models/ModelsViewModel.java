package org.quotelab.ui.models;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.service.Workbench;
import org.quotelab.service.models.ActivationPlan;
import org.quotelab.service.models.ModelAdmin;
import org.quotelab.service.models.VersionInfo;
import org.quotelab.ui.common.JobStatus;
import org.quotelab.ui.common.UiJobs;

/**
 * State of the Models view. Promote and Roll back apply exactly the plan the view showed: if the
 * active versions changed in between, the service refuses and the view reloads. After a change
 * {@code afterChange} lets the window refresh the status bar and Review.
 */
public final class ModelsViewModel {
    /** What one reading shows: the versions, and what a roll-back would do now. */
    private record Listing(List<VersionInfo> versions, ActivationPlan rollback) {
    }

    private final UiJobs jobs;
    private final ModelAdmin admin;
    private final Runnable afterChange;
    private final ObservableList<VersionInfo> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionInfo> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ActivationPlan> promotion = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ActivationPlan> rollback = new ReadOnlyObjectWrapper<>();
    private final JobStatus status;

    public ModelsViewModel(Workbench workbench, UiJobs jobs, Runnable afterChange) {
        this.jobs = jobs;
        this.admin = workbench.modelAdmin();
        this.afterChange = afterChange;
        this.status = new JobStatus(jobs);
        selected.addListener((o, a, v) -> planPromotion(v));
    }

    static final String NO_VERSIONS = "No model versions yet: train a cascade first.";
    private final javafx.beans.property.ReadOnlyBooleanWrapper messageIsProblem =
            new javafx.beans.property.ReadOnlyBooleanWrapper(true);

    private void problem(String text) {
        messageIsProblem.set(true);
        status.setMessage(text);
    }

    private void success(String text) {
        messageIsProblem.set(false);
        status.setMessage(text);
    }

    /** Whether the message line reports a problem (warning colour) or a success. */
    public javafx.beans.property.ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem.getReadOnlyProperty();
    }

    /** Reads the versions and what a roll-back would do. */
    public void reload() {
        reload(selected.get() == null ? null : selected.get().version().id());
    }

    /** Reads the versions and selects version {@code id} (e.g. a schedule step's candidate). */
    public void show(long id) {
        reload(id);
    }

    private void reload(Long keep) {
        jobs.run("Reading model versions", (p, c) -> new Listing(admin.versions(), admin.rollback()), r -> {
            List<VersionInfo> list = r.versions();
            versions.setAll(list);
            rollback.set(r.rollback());
            selected.set(list.stream().filter(v -> keep != null && v.version().id() == keep).findFirst().orElse(null));
            if (list.isEmpty()) {
                problem(NO_VERSIONS);
            } else if (NO_VERSIONS.equals(status.messageProperty().get())) {
                status.setMessage(""); // versions arrived since: the old sentence no longer holds
            }
        }, () -> { }, e -> problem("Could not read the model versions: " + e.getMessage()));
    }

    private void planPromotion(VersionInfo v) {
        promotion.set(null);
        if (v == null) {
            return;
        }
        long id = v.version().id();
        jobs.run("Planning a promotion", (p, c) -> admin.promotion(id), plan -> {
            if (selected.get() != null && selected.get().version().id() == id) {
                promotion.set(plan);
            }
        }, () -> { }, e -> problem("Error: " + e.getMessage()));
    }

    public void promote() {
        apply(promotion.get());
    }

    public void rollBack() {
        apply(rollback.get());
    }

    private void apply(ActivationPlan plan) {
        if (plan == null || !plan.possible() || status.isBusy()) {
            return;
        }
        status.run(plan.action(), plan.action() + "...", (p, c) -> {
            admin.apply(plan);
            return plan;
        }, done -> {
            success("Done. " + done.describe());
            afterChange.run();
            reload();
        }, e -> {
            problem(plan.action() + " failed: " + e.getMessage());
            reload();
        });
    }

    /** Exports the selected version's Hugging Face files into a new folder inside {@code parent}. */
    public void export(Path parent) {
        VersionInfo v = selected.get();
        if (v == null || status.isBusy()) {
            return;
        }
        Path target = parent.resolve("quotelab-v" + v.version().id() + "-stage" + v.version().stage());
        status.run("Exporting a Hugging Face folder", "Exporting v" + v.version().id() + "...",
                (p, c) -> admin.exportHf(v.version().id(), target),
                out -> success("Exported v" + v.version().id() + " to " + out),
                e -> problem("Export failed: "
                        + (e instanceof java.nio.file.FileAlreadyExistsException
                        ? target + " already exists" : e.getMessage())));
    }

    public ObservableList<VersionInfo> versions() {
        return versions;
    }

    /** The view's table selection: an input, so it stays writable. */
    public ObjectProperty<VersionInfo> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ActivationPlan> promotionProperty() {
        return promotion.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActivationPlan> rollbackProperty() {
        return rollback.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return status.messageProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }
}

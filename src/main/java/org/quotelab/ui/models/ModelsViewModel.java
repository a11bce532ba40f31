package org.quotelab.ui.models;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.service.Workbench;
import org.quotelab.service.models.ActivationPlan;
import org.quotelab.service.models.ModelAdmin;
import org.quotelab.service.models.VersionInfo;
import org.quotelab.ui.common.FxJobs;
import org.quotelab.ui.common.JobStatus;

/**
 * State of the Models view. Promote and Roll back apply exactly the plan the view showed: if the
 * active versions changed in between, the service refuses and the view reloads. After a change
 * {@code afterChange} lets the window refresh the status bar and Review.
 */
public final class ModelsViewModel {
    private final FxJobs jobs;
    private final ModelAdmin admin;
    private final Runnable afterChange;
    private final ObservableList<VersionInfo> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionInfo> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ActivationPlan> promotion = new SimpleObjectProperty<>();
    private final ObjectProperty<ActivationPlan> rollback = new SimpleObjectProperty<>();
    private final JobStatus status;

    public ModelsViewModel(Workbench workbench, FxJobs jobs, Runnable afterChange) {
        this.jobs = jobs;
        this.admin = new ModelAdmin(workbench.store());
        this.afterChange = afterChange;
        this.status = new JobStatus(jobs);
        selected.addListener((o, a, v) -> planPromotion(v));
    }

    /** Reads the versions and what a roll-back would do. */
    public void reload() {
        Long keep = selected.get() == null ? null : selected.get().version().id();
        jobs.run("Reading model versions", (p, c) -> new Object[] {admin.versions(), admin.rollback()}, r -> {
            @SuppressWarnings("unchecked")
            List<VersionInfo> list = (List<VersionInfo>) r[0];
            versions.setAll(list);
            rollback.set((ActivationPlan) r[1]);
            selected.set(list.stream().filter(v -> keep != null && v.version().id() == keep).findFirst().orElse(null));
            if (list.isEmpty()) {
                status.messageProperty().set("No model versions yet: train a cascade first.");
            }
        }, () -> { }, e -> status.messageProperty().set("Could not read the model versions: " + e.getMessage()));
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
        }, () -> { }, e -> status.messageProperty().set("Error: " + e.getMessage()));
    }

    public void promote() {
        apply(promotion.get());
    }

    public void rollBack() {
        apply(rollback.get());
    }

    private void apply(ActivationPlan plan) {
        if (plan == null || !plan.possible() || status.busyProperty().get()) {
            return;
        }
        status.run(plan.action(), plan.action() + "...", (p, c) -> {
            admin.apply(plan);
            return plan;
        }, done -> {
            status.messageProperty().set("Done. " + done.describe());
            afterChange.run();
            reload();
        }, e -> {
            status.messageProperty().set(plan.action() + " failed: " + e.getMessage());
            reload();
        });
    }

    /** Exports the selected version's Hugging Face files into a new folder inside {@code parent}. */
    public void export(Path parent) {
        VersionInfo v = selected.get();
        if (v == null || status.busyProperty().get()) {
            return;
        }
        Path target = parent.resolve("quotelab-v" + v.version().id() + "-stage" + v.version().stage());
        status.run("Exporting a Hugging Face folder", "Exporting v" + v.version().id() + "...",
                (p, c) -> admin.exportHf(v.version().id(), target),
                out -> status.messageProperty().set("Exported v" + v.version().id() + " to " + out),
                e -> status.messageProperty().set("Export failed: "
                        + (e instanceof java.nio.file.FileAlreadyExistsException
                        ? target + " already exists" : e.getMessage())));
    }

    public ObservableList<VersionInfo> versions() {
        return versions;
    }

    public ObjectProperty<VersionInfo> selectedProperty() {
        return selected;
    }

    public ObjectProperty<ActivationPlan> promotionProperty() {
        return promotion;
    }

    public ObjectProperty<ActivationPlan> rollbackProperty() {
        return rollback;
    }

    public StringProperty messageProperty() {
        return status.messageProperty();
    }

    public BooleanProperty busyProperty() {
        return status.busyProperty();
    }
}

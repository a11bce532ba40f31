package org.quotelab.ui.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.service.monitoring.ExplainingQuote;
import org.quotelab.service.monitoring.ForgettingMatrix;
import org.quotelab.service.monitoring.MonitoringReport;
import org.quotelab.service.monitoring.MonitoringService;
import org.quotelab.service.jobs.Job;
import org.quotelab.service.monitoring.TimelinePoint;
import org.quotelab.ui.common.JobStatus;
import org.quotelab.ui.common.ShowsJobStatus;
import org.quotelab.ui.common.UiJobs;

/**
 * State of the Monitoring view. Refresh is one job (scoring missing predictions, embedding for the
 * drift test) with progress and cancel; the matrix's missing cells are a separate job because
 * they score older versions and the user decides when to pay for that.
 */
public final class MonitoringViewModel implements ShowsJobStatus {
    static final String NO_CASCADE = "No model yet: train the first one in the Training view.";

    private final MonitoringService service;
    private final UiJobs jobs;
    private final Runnable afterRefresh;
    private final ReadOnlyObjectWrapper<MonitoringReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ForgettingMatrix> matrix = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<BatchRow> selected = new SimpleObjectProperty<>();
    private final JobStatus status;
    private final ObservableList<BatchRow> batches = FXCollections.observableArrayList();
    private final ObservableList<ExplainingQuote> explaining = FXCollections.observableArrayList();

    public MonitoringViewModel(MonitoringService service, UiJobs jobs, Runnable afterRefresh) {
        this.service = service;
        this.jobs = jobs;
        this.status = new JobStatus(jobs);
        status.setMessage("Press Refresh to measure drift and accuracy.");
        this.afterRefresh = afterRefresh;
        selected.addListener((o, a, row) -> showExplaining(row));
    }

    /** Shows the stored matrix without computing anything; for the first display of the view. */
    /**
     * At start: the charts of the last Refresh from the store (timeline, drift, matrix), so they
     * are not empty until Refresh; the matrix alone when this cascade was never refreshed.
     */
    public void loadStored() {
        jobs.run("Reading the forgetting matrix", (p, c) -> service.storedMatrix(), matrix::set, () -> { },
                e -> status.setMessage("Cannot read the stored evaluations: " + e.getMessage()));
        jobs.run("Restoring the monitoring charts", service.restore(), r -> {
            if (r.isPresent() && report.get() == null) {
                loaded(r);
                status.setMessage(status.messageProperty().get()
                        + " Restored from the last Refresh; press Refresh to recompute drift and list the quotes behind it.");
            }
        }, () -> { }, e -> status.setMessage("Cannot restore the last figures: " + e.getMessage()));
    }

    public void refresh() {
        start("Monitoring the active cascade", service.refresh(), this::loaded);
    }

    /** Scores the recorded versions on the batches their matrix rows lack. */
    public void fillMatrix() {
        start("Computing the missing forgetting-matrix cells", service.fillMatrix(), m -> {
            matrix.set(m);
            status.setMessage(m.missing() == 0 ? "Every cell of the forgetting matrix is computed."
                    : m.missing() + " cells stay empty (no labelled validation quotes, or the version's folder is gone).");
        });
    }

    public void cancel() {
        status.cancel();
    }

    private <T> void start(String title, Job<T> job, Consumer<T> done) {
        status.run(title, title + "...", job, done, title + " failed");
    }

    private void loaded(Optional<MonitoringReport> result) {
        if (result.isEmpty()) {
            report.set(null);
            batches.clear();
            explaining.clear();
            status.setMessage(NO_CASCADE);
            return;
        }
        MonitoringReport r = result.get();
        List<BatchRow> rows = new ArrayList<>();
        for (TimelinePoint p : r.timeline()) {
            rows.add(BatchRow.of(p, r.drift().get(p.batchId()), r.referenceBatchIds().contains(p.batchId()),
                    r.unfamiliar().get(p.batchId())));
        }
        report.set(r);
        matrix.set(r.matrix());
        batches.setAll(rows);
        int alerts = r.alertBatchIds().size();
        int unfamiliar = r.unfamiliarAlertBatchIds().size();
        status.setMessage("Cascade " + r.cascade() + ": " + r.timeline().size() + " batches, " + alerts + " with a drift alert"
                + r.severityCounts()
                + (unfamiliar > 0 ? ", " + unfamiliar + " with many unfamiliar quotes" : "")
                + (r.matrix().missing() > 0 ? "; " + r.matrix().missing() + " matrix cells not computed yet" : "") + ".");
        selected.set(rows.stream().filter(BatchRow::alert).reduce((a, b) -> b).orElse(null));
        afterRefresh.run();
    }

    private void showExplaining(BatchRow row) {
        MonitoringReport r = report.get();
        if (row == null || r == null) {
            explaining.clear();
            return;
        }
        explaining.setAll(r.explaining().getOrDefault(row.batchId(), List.of()));
    }

    public ReadOnlyObjectProperty<MonitoringReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ForgettingMatrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    /** The view's selected batch: an input, so it stays writable. */
    public ObjectProperty<BatchRow> selectedProperty() {
        return selected;
    }

    @Override
    public JobStatus jobStatus() {
        return status;
    }

    public ObservableList<BatchRow> batches() {
        return batches;
    }

    public ObservableList<ExplainingQuote> explaining() {
        return explaining;
    }
}

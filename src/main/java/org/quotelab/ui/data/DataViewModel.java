package org.quotelab.ui.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.quote.BatchSummary;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.domain.imports.QuoteField;
import org.quotelab.service.Workbench;
import org.quotelab.service.imports.ImportPreview;
import org.quotelab.service.imports.ImportService;
import org.quotelab.service.imports.SampleDays;
import org.quotelab.service.monitoring.MonitoringService;
import org.quotelab.ui.common.FxJobs;
import org.quotelab.ui.monitoring.DriftBadge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the Data view: the batch list and the import wizard (preview, mapping, options,
 * progress, errors). Lives on the FX thread; all reading and importing runs as jobs.
 */
public final class DataViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DataViewModel.class);
    static final int PREVIEW_ROWS = 20;

    private final Workbench workbench;
    private final FxJobs jobs;
    private final ObservableList<BatchSummary> batches = FXCollections.observableArrayList();
    private final Map<Long, String> driftBadges = new HashMap<>();
    private final ObjectProperty<ImportPreview> preview = new SimpleObjectProperty<>();
    private final ObservableList<MappingRow> mapping = FXCollections.observableArrayList();
    private final StringProperty day = new SimpleStringProperty("");
    private final BooleanProperty splitGroups = new SimpleBooleanProperty(false);
    private final ObservableList<ImportError> errors = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private FxJobs.Tracked<?> running;
    private Runnable afterImport = () -> { };

    public DataViewModel(Workbench workbench, FxJobs jobs) {
        this.workbench = workbench;
        this.jobs = jobs;
    }

    /** Called after every successful import, e.g. so Review reloads its batch filter. */
    public void setAfterImport(Runnable r) {
        this.afterImport = r;
    }

    public void refreshBatches() {
        double alpha = MonitoringService.Settings.defaults().drift().alpha();
        jobs.run("Reading batches", (p, c) -> {
            Map<Long, String> badges = new HashMap<>();
            workbench.monitoring().storedDrift().forEach((id, d) -> badges.put(id, DriftBadge.text(d, alpha)));
            return Map.entry(workbench.store().batches().summaries(), badges);
        }, r -> {
            driftBadges.clear();
            driftBadges.putAll(r.getValue());
            batches.setAll(r.getKey());
        }, () -> { }, e -> message.set("Cannot read the batches: " + e.getMessage()));
    }

    /** Drift badge text per batch id, from the Monitoring view's stored figures. */
    public Map<Long, String> driftBadges() {
        return driftBadges;
    }

    /** Step 1 of the wizard: read the preview and pre-fill the mapping from it. */
    public void openFile(Path file) {
        errors.clear();
        message.set("Reading " + file.getFileName() + "...");
        jobs.run("Previewing " + file.getFileName(), (p, c) -> workbench.imports().preview(file, PREVIEW_ROWS),
                this::showPreview, () -> { }, this::fail);
    }

    private void showPreview(ImportPreview p) {
        preview.set(p);
        List<String> first = p.rows().isEmpty() ? List.of() : p.rows().get(0);
        mapping.clear();
        for (int i = 0; i < p.header().size(); i++) {
            String column = p.header().get(i);
            mapping.add(new MappingRow(column, i < first.size() ? first.get(i) : "", p.suggested().get(column)));
        }
        day.set(p.suggestedDay());
        splitGroups.set(false);
        message.set(p.file().getFileName() + ": " + p.header().size() + " columns; check the mapping, then Import.");
    }

    /** Step 2: import the previewed file with the chosen mapping and options. */
    public void startImport() {
        ImportPreview p = preview.get();
        if (p == null || busy.get()) {
            return;
        }
        Map<String, QuoteField> chosen = new LinkedHashMap<>();
        mapping.forEach(m -> chosen.put(m.column(), m.fieldProperty().get()));
        var options = workbench.imports().options(splitGroups.get() ? null : day.get(), splitGroups.get(),
                ImportService.explicitMapping(p, chosen));
        errors.clear();
        track(jobs.run("Importing " + p.file().getFileName(), workbench.imports().importJob(p.file(), options),
                this::imported, this::cancelled, this::fail));
    }

    /** The first-run import of the bundled sample days. */
    public void importSamples() {
        if (busy.get()) {
            return;
        }
        errors.clear();
        track(jobs.run("Importing the sample data", workbench.sampleDays().importJob(), this::samplesImported,
                this::cancelled, this::fail));
    }

    /** Closes the wizard without importing; its hint about the mapping goes with it. */
    public void closePreview() {
        if (busy.get()) {
            return;
        }
        preview.set(null);
        message.set("");
    }

    public void cancel() {
        if (running != null) {
            message.set("Cancelling...");
            running.cancel();
        }
    }

    private void track(FxJobs.Tracked<?> job) {
        running = job;
        busy.set(true);
        progress.bind(job.progressProperty());
        message.bind(job.messageProperty());
    }

    private void finish(String text) {
        progress.unbind();
        message.unbind();
        running = null;
        busy.set(false);
        message.set(text);
    }

    private void imported(ImportResult r) {
        finish(String.format("Imported %,d quotes (%,d labelled) into %d batch(es) in %.1f s.",
                r.rows(), r.labelled(), r.batches().size(), r.seconds()));
        preview.set(null);
        mapping.clear();
        refreshBatches();
        afterImport.run();
    }

    private void samplesImported(SampleDays.Outcome o) {
        if (o.nothingBundled()) {
            finish("No sample data is bundled with this build (expected /org/quotelab/sample-data/day-01.csv);"
                    + " import your own CSV files with Import file.");
        } else {
            finish(String.format("Imported the sample data: %d days, %,d quotes.", o.days().size(), o.rows()));
        }
        refreshBatches();
        afterImport.run();
    }

    private void cancelled() {
        finish("Import cancelled; the file in progress was not stored.");
        refreshBatches();
    }

    private void fail(Throwable e) {
        finish("Import refused: nothing was stored.");
        if (e instanceof ImportException ie && ie.error() != null) {
            errors.setAll(ie.error());
        } else {
            LOG.warn("import failed", e);
            errors.setAll(new ImportError("", 0, null, String.valueOf(e.getMessage())));
        }
    }

    public ObservableList<BatchSummary> batches() {
        return batches;
    }

    public ObjectProperty<ImportPreview> previewProperty() {
        return preview;
    }

    public ObservableList<MappingRow> mapping() {
        return mapping;
    }

    public StringProperty dayProperty() {
        return day;
    }

    public BooleanProperty splitGroupsProperty() {
        return splitGroups;
    }

    public ObservableList<ImportError> errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }
}

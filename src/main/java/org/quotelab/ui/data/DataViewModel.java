package org.quotelab.ui.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.quote.BatchSummary;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.UnknownTopicsException;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.domain.imports.QuoteField;
import org.quotelab.service.Workbench;
import org.quotelab.service.imports.ImportPreview;
import org.quotelab.service.imports.ImportService;
import org.quotelab.service.imports.SampleDays;
import org.quotelab.service.monitoring.MonitoringService;
import org.quotelab.ui.common.JobStatus;
import org.quotelab.ui.common.ShowsJobStatus;
import org.quotelab.ui.common.UiJobs;
import org.quotelab.ui.monitoring.DriftBadge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the Data view: the batch list and the import wizard (preview, mapping, options,
 * progress, errors). Lives on the FX thread; all reading and importing runs as jobs.
 */
public final class DataViewModel implements ShowsJobStatus {
    /**
     * A refused import whose file brings topics the project does not have: the question the
     * import-topic dialog asks. {@code schema}: the project's topics to map onto.
     */
    public record TopicQuestion(Path file, ImportOptions options, List<String> unknown, Map<String, Long> rows,
            LabelSchema schema) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DataViewModel.class);
    static final int PREVIEW_ROWS = 20;

    /** One reading of the batch list: the batches and their drift badge texts by batch id. */
    private record Listing(List<BatchSummary> batches, Map<Long, String> badges) {
    }

    private final Workbench workbench;
    private final UiJobs jobs;
    private final ObservableList<BatchSummary> batches = FXCollections.observableArrayList();
    private final Map<Long, String> driftBadges = new HashMap<>();
    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MappingRow> mapping = FXCollections.observableArrayList();
    private final StringProperty day = new SimpleStringProperty("");
    private final BooleanProperty splitGroups = new SimpleBooleanProperty(false);
    private final ObservableList<ImportError> errors = FXCollections.observableArrayList();
    /** The import's state; previews and batch reads are short and do not make the view busy. */
    private final JobStatus status;
    private Runnable afterImport = () -> { };
    private final ReadOnlyObjectWrapper<TopicQuestion> topicQuestion = new ReadOnlyObjectWrapper<>();
    /** The file and options of the import running now, to ask about its topics if it is refused for them. */
    private Path importing;
    private ImportOptions importingOptions;
    private final BatchAssignmentsModel assignments;

    public DataViewModel(Workbench workbench, UiJobs jobs) {
        this.workbench = workbench;
        this.jobs = jobs;
        this.status = new JobStatus(jobs);
        this.assignments = new BatchAssignmentsModel(workbench::assignments, jobs, status::setMessage);
    }

    /** Who each batch is assigned to, read with the batches. */
    public BatchAssignmentsModel assignments() {
        return assignments;
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
            return new Listing(workbench.imports().batchSummaries(), badges);
        }, r -> {
            driftBadges.clear();
            driftBadges.putAll(r.badges());
            batches.setAll(r.batches());
        }, () -> { }, e -> status.setMessage("Cannot read the batches: " + e.getMessage()));
        assignments.refresh();
    }

    /** Drift badge text per batch id, from the Monitoring view's stored figures. */
    public Map<Long, String> driftBadges() {
        return driftBadges;
    }

    /** Step 1 of the wizard: read the preview and pre-fill the mapping from it. */
    public void openFile(Path file) {
        errors.clear();
        status.setMessage("Reading " + file.getFileName() + "...");
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
        status.setMessage(p.file().getFileName() + ": " + p.header().size() + " columns; check the mapping, then Import.");
    }

    /** Step 2: import the previewed file with the chosen mapping and options. */
    public void startImport() {
        ImportPreview p = preview.get();
        if (p == null || status.isBusy()) {
            return;
        }
        Map<String, QuoteField> chosen = new LinkedHashMap<>();
        mapping.forEach(m -> chosen.put(m.column(), m.fieldProperty().get()));
        var options = workbench.imports().options(splitGroups.get() ? null : day.get(), splitGroups.get(),
                ImportService.explicitMapping(p, chosen));
        errors.clear();
        run(p.file(), options);
    }

    private void run(Path file, ImportOptions options) {
        importing = file;
        importingOptions = options;
        // the message follows the import's own progress messages, as it starts empty
        status.run("Importing " + file.getFileName(), "", workbench.imports().importJob(file, options),
                this::imported, this::cancelled, this::fail);
    }

    /** The open import-topic question, or null. */
    public ReadOnlyObjectProperty<TopicQuestion> topicQuestionProperty() {
        return topicQuestion.getReadOnlyProperty();
    }

    /**
     * Answers the import-topic question: each unknown topic maps onto a topic key of the schema,
     * or (mapped to null) joins the schema as a new topic. Imports the file again with that answer.
     */
    public void answerTopics(Map<String, String> answer) {
        TopicQuestion q = topicQuestion.get();
        if (q == null || status.isBusy()) {
            return;
        }
        Map<String, String> map = new LinkedHashMap<>(q.options().topicMap());
        answer.forEach((topic, onto) -> {
            if (onto != null) {
                map.put(topic, onto);
            }
        });
        boolean add = answer.values().stream().anyMatch(java.util.Objects::isNull);
        topicQuestion.set(null);
        run(q.file(), q.options().withTopicMap(map).withAddTopics(add));
    }

    /** Cancels the import the question was about: nothing is stored. */
    public void cancelTopics() {
        if (topicQuestion.get() != null) {
            topicQuestion.set(null);
            finish("Import cancelled: nothing was stored.");
        }
    }

    /** The first-run import of the bundled sample days. */
    public void importSamples() {
        if (status.isBusy()) {
            return;
        }
        errors.clear();
        importing = null; // a refusal of the samples is reported, not asked about
        status.run("Importing the sample data", "", workbench.sampleDays().importJob(), this::samplesImported,
                this::cancelled, this::fail);
    }

    /** Closes the wizard without importing; its hint about the mapping goes with it. */
    public void closePreview() {
        if (status.isBusy()) {
            return;
        }
        preview.set(null);
    }

    public void cancel() {
        if (status.isBusy()) {
            status.setMessage("Cancelling...");
            status.cancel();
        }
    }

    /** The sentence an import (or a failed preview) ends with; JobStatus has already cleared busy. */
    private void finish(String text) {
        status.setMessage(text);
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
        if (e instanceof UnknownTopicsException u && importing != null) {
            ask(u, importing, importingOptions);
            return;
        }
        finish("Import refused: nothing was stored.");
        if (e instanceof ImportException ie && ie.error() != null) {
            errors.setAll(ie.error());
        } else {
            LOG.warn("import failed", e);
            errors.setAll(new ImportError("", 0, null, String.valueOf(e.getMessage())));
        }
    }

    private void ask(UnknownTopicsException u, Path file, ImportOptions options) {
        Map<String, Long> rows = new LinkedHashMap<>();
        u.topics().forEach(t -> rows.put(t, u.rows(t)));
        finish(file.getFileName() + " has " + u.topics().size() + " topic(s) this project does not have: "
                + String.join(", ", u.topics()) + ". Add them, map them onto existing topics, or cancel.");
        jobs.run("Reading the label schema", (p, c) -> workbench.schema().schema(),
                schema -> topicQuestion.set(new TopicQuestion(file, options, u.topics(), rows, schema)),
                () -> { }, x -> status.setMessage("Cannot read the label schema: " + x.getMessage()));
    }

    public ObservableList<BatchSummary> batches() {
        return batches;
    }

    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<MappingRow> mapping() {
        return mapping;
    }

    // the day and split-groups fields are the wizard's inputs: they stay writable

    public StringProperty dayProperty() {
        return day;
    }

    public BooleanProperty splitGroupsProperty() {
        return splitGroups;
    }

    /** Hides the error panel; the store was not changed by the refused import, so nothing is lost. */
    public void dismissErrors() {
        errors.clear();
    }

    public ObservableList<ImportError> errors() {
        return errors;
    }

    @Override
    public JobStatus jobStatus() {
        return status;
    }
}

package org.quotelab.ui.data;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.quotelab.domain.quote.BatchSummary;
import org.quotelab.ui.common.Toolbars;
import org.quotelab.ui.monitoring.DriftBadge;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.QuoteField;
import org.quotelab.service.imports.ImportPreview;
import org.quotelab.ui.common.Icons;

/** The Data view: imported batches, and the import wizard above them when a file is chosen. */
public final class DataView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final DataViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<List<String>> previewTable = new TableView<>();

    public DataView(DataViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("data-view");
        root.setId("data-view");
        root.setTop(new VBox(toolbar(), progressRow(), errorTable()));
        // the wizard covers the batch list instead of pushing it down: the list keeps its size, so
        // opening and closing the wizard never makes the table build rows while an import runs
        root.setCenter(new StackPane(batchTable(), wizard()));
        vm.previewProperty().addListener((obs, old, p) -> fillPreview(p));
        vm.topicQuestionProperty().addListener((obs, old, q) -> {
            if (q != null) {
                TopicImportDialog.show(root.getScene() == null ? null : root.getScene().getWindow(), q, vm);
            }
        });
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        Button open = Toolbars.action(new Button("Import file...", Icons.icon("import")), "import-open",
                vm.busyProperty(), this::chooseFile);
        Button samples = Toolbars.action(new Button("Import sample data"), "import-samples", vm.busyProperty(),
                vm::importSamples);
        return Toolbars.of("Data", open, samples);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import quotes");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            vm.openFile(f.toPath());
        }
    }

    private Node wizard() {
        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> vm.previewProperty().get() == null ? ""
                : "Import " + vm.previewProperty().get().file().getFileName()
                + " - preview of the first rows and column mapping", vm.previewProperty()));

        previewTable.setId("import-preview");
        previewTable.setPrefHeight(230);
        previewTable.setPlaceholder(new Label("The file has a header but no rows."));

        TableView<MappingRow> mapping = new TableView<>(vm.mapping());
        mapping.setId("import-mapping");
        mapping.setPrefHeight(230);
        mapping.setPrefWidth(470);
        mapping.setMinWidth(470);
        mapping.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        mapping.getColumns().add(column("Column", r -> r.column(), 130));
        mapping.getColumns().add(column("First row", r -> r.sample(), 110));
        TableColumn<MappingRow, QuoteField> field = new TableColumn<>("Imported as");
        field.setCellValueFactory(c -> c.getValue().fieldProperty());
        field.setCellFactory(c -> new MappingCell());
        field.setPrefWidth(200);
        mapping.getColumns().add(field);
        HBox.setHgrow(previewTable, Priority.ALWAYS);
        HBox tables = new HBox(8, previewTable, mapping);
        VBox.setVgrow(tables, Priority.ALWAYS);
        tables.setMaxHeight(Double.MAX_VALUE);

        TextField day = new TextField();
        day.setId("import-day");
        day.setPrefColumnCount(14);
        day.textProperty().bindBidirectional(vm.dayProperty());
        CheckBox split = new CheckBox("One batch per group (group column)");
        split.setId("import-split");
        split.selectedProperty().bindBidirectional(vm.splitGroupsProperty());
        split.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.previewProperty().get() == null || !vm.previewProperty().get().hasGroupColumn(),
                vm.previewProperty()));
        day.disableProperty().bind(split.selectedProperty());
        Button run = new Button("Import");
        run.setId("import-run");
        run.setDefaultButton(true);
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.busyProperty());
        run.setOnAction(e -> vm.startImport());
        Button close = new Button("Close");
        close.setOnAction(e -> vm.closePreview());
        close.disableProperty().bind(vm.busyProperty());
        HBox options = new HBox(10, new Label("Batch (day):"), day, split, spacer(), close, run);
        options.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(8, heading, tables, options);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("wizard");
        box.visibleProperty().bind(vm.previewProperty().isNotNull());
        StackPane.setMargin(box, new Insets(0, 10, 10, 10));
        return box;
    }

    private void fillPreview(ImportPreview p) {
        if (p == null) {
            // hidden, not emptied: rebuilding the table's columns now would only cost the FX thread
            return;
        }
        previewTable.getColumns().clear();
        for (int i = 0; i < p.header().size(); i++) {
            int index = i;
            TableColumn<List<String>, String> c = new TableColumn<>(p.header().get(i));
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(index < r.getValue().size() ? r.getValue().get(index) : ""));
            c.setPrefWidth(110);
            previewTable.getColumns().add(c);
        }
        previewTable.getItems().setAll(p.rows());
    }

    private Node progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("import-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label text = new Label();
        text.setId("import-message");
        text.textProperty().bind(vm.messageProperty());
        text.setWrapText(true);
        Button cancel = new Button("Cancel", Icons.icon("cancel"));
        cancel.setId("import-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox row = new HBox(10, bar, cancel, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 10, 6, 10));
        row.getStyleClass().add("progress-row");
        // always managed: its space is kept, so starting and ending an import does not move the page
        row.visibleProperty().bind(vm.busyProperty().or(vm.messageProperty().isNotEmpty()));
        return row;
    }

    private Node errorTable() {
        TableView<ImportError> errors = new TableView<>(vm.errors());
        errors.setId("import-errors");
        errors.getStyleClass().add("error-table");
        errors.setPrefHeight(110);
        errors.getColumns().add(column("File", ImportError::file, 160));
        errors.getColumns().add(column("Line", e -> e.line() > 0 ? String.valueOf(e.line()) : "-", 60));
        errors.getColumns().add(column("Column", e -> e.column() == null ? "-" : e.column(), 140));
        TableColumn<ImportError, String> msg = column("Problem", ImportError::message, 600);
        errors.getColumns().add(msg);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("import-errors-dismiss");
        dismiss.setOnAction(e -> vm.dismissErrors());
        HBox.setHgrow(errors, Priority.ALWAYS);
        HBox panel = new HBox(6, errors, dismiss);
        panel.visibleProperty().bind(Bindings.isNotEmpty(vm.errors()));
        panel.managedProperty().bind(panel.visibleProperty());
        VBox.setMargin(panel, new Insets(0, 10, 6, 10));
        return panel;
    }

    private Node batchTable() {
        TableView<BatchSummary> table = new TableView<>(vm.batches());
        table.setId("batch-table");
        table.setPlaceholder(new Label("No batches yet: import a CSV file of quotes."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", b -> String.valueOf(b.batch().seq()), 50));
        table.getColumns().add(column("Day", b -> b.batch().day(), 160));
        table.getColumns().add(column("File", b -> b.batch().fileName(), 200));
        TableColumn<BatchSummary, String> rows = column("Rows", b -> String.format("%,d", b.batch().rowCount()), 90);
        rows.getStyleClass().add("numeric");
        table.getColumns().add(rows);
        TableColumn<BatchSummary, String> share = column("Labelled",
                b -> String.format(Locale.ROOT, "%.0f %%", 100 * b.labelledShare()), 90);
        share.getStyleClass().add("numeric");
        table.getColumns().add(share);
        table.getColumns().add(column("Imported", b -> WHEN.format(b.batch().importedAt()), 150));
        // the Monitoring view's last drift figures; a dash until it has checked the batch
        TableColumn<BatchSummary, String> drift = column("Drift",
                b -> vm.driftBadges().getOrDefault(b.batch().id(), DriftBadge.NONE), 110);
        drift.setCellFactory(c -> DriftBadge.cell());
        table.getColumns().add(drift);
        AssignmentColumn.install(table, vm.assignments());
        StackPane.setMargin(table, new Insets(0, 10, 10, 10));
        return table;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    static <S> TableColumn<S, String> column(String title, java.util.function.Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}

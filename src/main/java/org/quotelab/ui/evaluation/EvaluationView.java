package org.quotelab.ui.evaluation;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.quotelab.domain.metrics.Interval;
import org.quotelab.domain.quote.Batch;
import org.quotelab.service.cascade.EvaluationScope;
import org.quotelab.service.evaluation.ClassRow;
import org.quotelab.service.evaluation.Evaluation;
import org.quotelab.service.models.CascadePair;

import org.quotelab.ui.common.ShowOnly;
import org.quotelab.ui.common.StatusNodes;

/** Code-built Evaluation view: per-class tables and confusion heat maps of version A and, optionally, B. */
public final class EvaluationView {
    private final EvaluationViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox matrixA = new VBox();
    private final VBox matrixB = new VBox();

    public EvaluationView(EvaluationViewModel vm) {
        this.vm = vm;
        root.setId("evaluation-view");
        root.setTop(toolbar());
        Label message = StatusNodes.message("evaluation-message", vm.messageProperty());
        ProgressBar progress = StatusNodes.progress(vm.progressProperty(), vm.busyProperty());
        VBox b = side("B", "eval-table-b", vm.rowsB(), matrixB, true);
        b.visibleProperty().bind(vm.resultBProperty().isNotNull());
        b.managedProperty().bind(b.visibleProperty());
        HBox sides = new HBox(16, side("A", "eval-table-a", vm.rowsA(), matrixA, false), b);
        VBox content = new VBox(10, message, progress, sides);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        vm.resultAProperty().addListener((o, x, e) -> showMatrix(matrixA, e, "cm-a", false));
        vm.resultBProperty().addListener((o, x, e) -> showMatrix(matrixB, e, "cm-b", true));
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        Label title = new Label("Evaluation");
        title.getStyleClass().add("view-title");
        ComboBox<CascadePair> a = versions("eval-version-a");
        a.valueProperty().bindBidirectional(vm.versionAProperty());
        CheckBox compare = new CheckBox("Compare with");
        compare.setId("eval-compare");
        compare.selectedProperty().bindBidirectional(vm.compareProperty());
        ComboBox<CascadePair> b = versions("eval-version-b");
        b.valueProperty().bindBidirectional(vm.versionBProperty());
        b.disableProperty().bind(compare.selectedProperty().not());
        CheckComboBox<Batch> batches = new CheckComboBox<>(vm.batches());
        batches.setId("eval-batches");
        batches.setTitle("All batches");
        batches.setConverter(ShowOnly.converter(bt -> bt == null ? "" : bt.day()));
        batches.getCheckModel().getCheckedItems().addListener((ListChangeListener<Batch>) c ->
                vm.chosenBatches().setAll(batches.getCheckModel().getCheckedItems()));
        ComboBox<EvaluationScope> scope = new ComboBox<>(FXCollections.observableArrayList(EvaluationScope.values()));
        scope.setId("eval-scope");
        scope.setConverter(ShowOnly.converter(sc -> sc == null ? "" : sc.choice()));
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        scope.setTooltip(new Tooltip("Held-out: quotes the cascade never trained or was calibrated on."
                + " Figures on seen quotes are optimistic."));
        Button run = new Button("Evaluate");
        run.setId("eval-run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.busyProperty().or(vm.versionAProperty().isNull()));
        run.setOnAction(e -> vm.evaluate());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.reload());
        a.setPrefWidth(200);
        b.setPrefWidth(200);
        batches.setPrefWidth(140);
        // the actions sit beside the tool bar, not in it: a narrow window moves choosers into the
        // overflow menu, never the Evaluate button
        ToolBar choosers = new ToolBar(title, new Label("Version A"), a, compare, b, new Label("on"), batches, scope);
        HBox.setHgrow(choosers, Priority.ALWAYS);
        choosers.setMinWidth(0);
        ToolBar actions = new ToolBar(refresh, run);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        return new HBox(choosers, actions);
    }

    private ComboBox<CascadePair> versions(String id) {
        ComboBox<CascadePair> c = new ComboBox<>(vm.cascades());
        c.setId(id);
        c.setPromptText("cascade");
        return c;
    }

    private VBox side(String name, String tableId, ObservableList<ClassRow> rows, VBox matrix, boolean withDelta) {
        TableView<ClassRow> table = new TableView<>(rows);
        table.setId(tableId);
        Label placeholder = new Label();
        // while it runs the table says so, rather than asking for a press that already happened
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.busyProperty())
                .then("Evaluating: scoring the chosen batches...").otherwise("Choose batches and press Evaluate."));
        table.setPlaceholder(placeholder);
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Class", r -> vm.name(r.label())));
        table.getColumns().get(0).setPrefWidth(120);
        table.getColumns().get(0).setMinWidth(100);
        table.getColumns().add(column("Scope", ClassRow::scope));
        table.getColumns().get(1).setMinWidth(90);
        table.getColumns().add(column("Precision", r -> fmt(r.precision(), r.intervals() == null ? null
                : r.intervals().precision().ci())));
        table.getColumns().add(column("Recall", r -> fmt(r.recall(), r.intervals() == null ? null
                : r.intervals().recall().ci())));
        table.getColumns().add(column("F1", r -> fmt(r.f1(), r.intervals() == null ? null : r.intervals().f1().ci())));
        // a class with fewer than 30 quotes is greyed out, and says why on hover
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ClassRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean thin = !empty && row != null && !row.warning().isEmpty();
                setOpacity(thin ? 0.5 : 1);
                setTooltip(thin ? new Tooltip(row.warning()) : null);
            }
        });
        table.getColumns().add(column("Support", r -> String.valueOf(r.support())));
        if (withDelta) {
            table.getColumns().add(column("\u0394F1 vs A", r -> Double.isNaN(r.deltaF1()) ? "-"
                    : String.format(Locale.ROOT, "%+.3f", r.deltaF1())));
        }
        Label heading = new Label("Version " + name);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(8, heading, table, matrix);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private void showMatrix(VBox holder, Evaluation e, String idPrefix, boolean ofB) {
        holder.getChildren().clear();
        if (e == null || e.figures() == null) {
            return;
        }
        Label heading = new Label("Confusion matrix, end to end (" + e.matrix().total() + " " + e.scopeLabel()
                + " quotes; click a cell to review it)");
        holder.getChildren().addAll(heading, ConfusionGrid.of(e.matrix(), idPrefix, vm::name,
                (t, p) -> vm.openCell(ofB, t, p)));
    }

    private static TableColumn<ClassRow, String> column(String title, Function<ClassRow, String> value) {
        TableColumn<ClassRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
        return c;
    }

    private static String fmt(double v, Interval ci) {
        return ci == null ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.3f %s", v, ci.format());
    }
}

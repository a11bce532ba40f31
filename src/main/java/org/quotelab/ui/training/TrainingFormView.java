package org.quotelab.ui.training;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.quotelab.domain.quote.Batch;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.training.Stages;

/** The new-job form: kind, stages, base model, hyper-parameters, strategy, batches and device. */
final class TrainingFormView {
    private final VBox root = new VBox(6);

    TrainingFormView(TrainingViewModel vm) {
        TrainingForm f = vm.form();
        root.setId("training-form");
        BooleanBinding full = f.kind().isEqualTo(JobKind.FULL_FINE_TUNE);

        GridPane common = section(null);
        add(common, "Kind", combo("training-kind", f.kind(), JobKind.values()));
        ComboBox<String> base = new ComboBox<>();
        base.setId("training-base");
        base.setEditable(true);
        base.getItems().addAll("bundled", "tiny");
        base.valueProperty().bindBidirectional(f.baseModel());
        add(common, "Base model", base);

        GridPane fine = section(full);
        add(fine, "Stages", combo("training-stages", f.stages(), Stages.values()));
        add(fine, "Stage-1 epochs", field("training-epochs1", f.stage1Epochs()));
        add(fine, "Stage-1 learning rate", field("training-lr1", f.stage1LearningRate()));
        add(fine, "Stage-2 epochs", field("training-epochs2", f.stage2Epochs()));
        add(fine, "Stage-2 learning rate", field("training-lr2", f.stage2LearningRate()));
        add(fine, "Batch size", field("training-batch-size", f.batchSize()));
        add(fine, "Stage-2 construction", combo("training-construction", f.construction(), Construction.values()));

        GridPane update = section(full.not());
        ComboBox<String> strategy = new ComboBox<>();
        strategy.setId("training-strategy");
        strategy.setEditable(true);
        strategy.getItems().addAll(TrainingForm.strategies());
        strategy.valueProperty().bindBidirectional(f.strategy());
        add(update, "Strategy", strategy);
        add(update, "Update epochs", field("training-update-epochs", f.updateEpochs()));
        add(update, "Update learning rate", field("training-update-lr", f.updateLearningRate()));
        add(update, "Batches", batches(vm));

        GridPane where = section(null);
        ComboBox<org.quotelab.service.training.DeviceChoice> device = new ComboBox<>(vm.devices());
        device.setId("training-device");
        device.valueProperty().bindBidirectional(f.device());
        add(where, "Device", device);
        root.getChildren().addAll(common, fine, update, where);
        root.disableProperty().bind(vm.runningProperty());
    }

    /** A block of rows, shown only while {@code when} holds (always when null); hidden blocks take no room. */
    private static GridPane section(BooleanBinding when) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(150); // the same in every block, so the fields line up
        grid.getColumnConstraints().add(names);
        if (when != null) {
            grid.visibleProperty().bind(when);
            grid.managedProperty().bind(when);
        }
        return grid;
    }

    private ListView<Batch> batches(TrainingViewModel vm) {
        ListView<Batch> list = new ListView<>(vm.batches());
        list.setId("training-batches");
        list.setPrefHeight(110);
        list.setTooltip(new javafx.scene.control.Tooltip("Select none to learn the batches the active cascade has not learned yet"));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Batch b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : "#" + b.id() + "  " + b.day() + "  (" + b.rowCount() + " quotes)");
            }
        });
        list.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Batch>) c ->
                vm.form().batchIds().setAll(list.getSelectionModel().getSelectedItems().stream()
                        .map(Batch::id).toList()));
        return list;
    }

    @SafeVarargs
    private static <T> ComboBox<T> combo(String id, Property<T> value, T... items) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().addAll(items);
        c.valueProperty().bindBidirectional(value);
        return c;
    }

    private static TextField field(String id, StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(7);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static void add(GridPane grid, String name, Node control) {
        int row = grid.getRowCount();
        grid.add(new Label(name), 0, row);
        grid.add(control, 1, row);
    }

    Node root() {
        return root;
    }
}

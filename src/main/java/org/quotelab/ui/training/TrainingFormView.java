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
import javafx.scene.layout.GridPane;
import org.quotelab.domain.quote.Batch;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.training.Stages;

/** The new-job form: kind, stages, base model, hyper-parameters, strategy, batches and device. */
final class TrainingFormView {
    private final GridPane grid = new GridPane();
    private int row;

    TrainingFormView(TrainingViewModel vm) {
        TrainingForm f = vm.form();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setId("training-form");
        BooleanBinding full = f.kind().isEqualTo(TrainingViewModel.Kind.FULL_FINE_TUNE);
        BooleanBinding update = full.not();

        add("Kind", combo("training-kind", f.kind(), TrainingViewModel.Kind.values()), null);
        add("Stages", combo("training-stages", f.stages(), Stages.values()), full);
        ComboBox<String> base = new ComboBox<>();
        base.setId("training-base");
        base.setEditable(true);
        base.getItems().addAll("bundled", "tiny");
        base.valueProperty().bindBidirectional(f.baseModel());
        add("Base model", base, null);
        add("Stage-1 epochs", field("training-epochs1", f.stage1Epochs()), full);
        add("Stage-1 learning rate", field("training-lr1", f.stage1LearningRate()), full);
        add("Stage-2 epochs", field("training-epochs2", f.stage2Epochs()), full);
        add("Stage-2 learning rate", field("training-lr2", f.stage2LearningRate()), full);
        add("Batch size", field("training-batch-size", f.batchSize()), full);
        add("Stage-2 construction", combo("training-construction", f.construction(), Construction.values()), full);

        ComboBox<String> strategy = new ComboBox<>();
        strategy.setId("training-strategy");
        strategy.setEditable(true);
        strategy.getItems().addAll(TrainingForm.strategies());
        strategy.valueProperty().bindBidirectional(f.strategy());
        add("Strategy", strategy, update);
        add("Update epochs", field("training-update-epochs", f.updateEpochs()), update);
        add("Update learning rate", field("training-update-lr", f.updateLearningRate()), update);
        add("Batches (none: not yet learned)", batches(vm), update);

        ComboBox<org.quotelab.service.training.DeviceChoice> device = new ComboBox<>(vm.devices());
        device.setId("training-device");
        device.valueProperty().bindBidirectional(f.device());
        add("Device", device, null);
        grid.disableProperty().bind(vm.runningProperty());
    }

    private ListView<Batch> batches(TrainingViewModel vm) {
        ListView<Batch> list = new ListView<>(vm.batches());
        list.setId("training-batches");
        list.setPrefHeight(110);
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

    /** Adds a labelled row, shown only while {@code when} holds (always when null). */
    private void add(String name, Node control, BooleanBinding when) {
        Label label = new Label(name);
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        row++;
        if (when != null) {
            for (Node n : new Node[] {label, control}) {
                n.visibleProperty().bind(when);
                n.managedProperty().bind(when);
            }
        }
    }

    Node root() {
        return grid;
    }
}

package org.quotelab.ui.models;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.quotelab.service.models.ActivationPlan;
import org.quotelab.service.models.VersionInfo;
import org.quotelab.ui.common.Icons;
import org.quotelab.ui.common.Toolbars;

/** Code-built Models view: the versions table, the provenance of the selected one, promote / roll back / export. */
public final class ModelsView {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ModelsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<VersionInfo> table;

    public ModelsView(ModelsViewModel vm) {
        this.vm = vm;
        this.table = new TableView<>(vm.versions());
        root.setId("models-view");
        root.setTop(toolbar());
        SplitPane split = new SplitPane(buildTable(), detail());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        root.setCenter(split);
        Label rollbackPreview = preview("models-rollback-preview", vm.rollbackProperty());
        Label promotePreview = preview("models-promote-preview", vm.promotionProperty());
        Label message = new Label();
        message.setId("models-message");
        message.getStyleClass().add("view-message");
        message.textProperty().bind(vm.messageProperty());
        // a success reads as one, not in the warning colour
        vm.messageIsProblemProperty().addListener((o, a, problem) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("ok"), !problem));
        VBox bottom = new VBox(2, promotePreview, rollbackPreview, message);
        bottom.setPadding(new Insets(4, 10, 4, 10));
        root.setBottom(bottom);
        vm.selectedProperty().addListener((o, a, v) -> {
            if (v != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(v);
            }
        });
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.reload());
        Button promote = new Button("Promote", Icons.icon("promote"));
        promote.setId("models-promote");
        promote.getStyleClass().add("accent");
        promote.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.promotionProperty().get() == null || !vm.promotionProperty().get().possible(),
                vm.promotionProperty())));
        promote.setOnAction(e -> vm.promote());
        Button rollback = new Button("Roll back", Icons.icon("rollback"));
        rollback.setId("models-rollback");
        rollback.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.rollbackProperty().get() == null || !vm.rollbackProperty().get().possible(),
                vm.rollbackProperty())));
        rollback.setOnAction(e -> vm.rollBack());
        Button export = new Button("Export as Hugging Face folder...", Icons.icon("export"));
        export.setId("models-export");
        export.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder to export into");
            File dir = chooser.showDialog(root.getScene().getWindow());
            if (dir != null) {
                vm.export(dir.toPath());
            }
        });
        return Toolbars.of("Models", refresh, promote, rollback, export);
    }

    private Node buildTable() {
        table.setId("models-table");
        table.setPlaceholder(new Label("No model versions yet."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY); // readable headers; scrolls sideways when narrow
        table.getColumns().add(column("Version", v -> "v" + v.version().id(), 64));
        table.getColumns().add(column("Stage", v -> String.valueOf(v.version().stage()), 54));
        table.getColumns().add(column("Active", v -> v.active() ? "\u25cf active" : v.version().status().name()
                .toLowerCase(), 84));
        table.getColumns().add(column("Created", v -> v.version().createdAt() == null ? ""
                : CREATED.format(v.version().createdAt()), 128));
        table.getColumns().add(column("Base", VersionInfo::base, 70));
        table.getColumns().add(column("Parent", v -> v.version().parentId() == null ? "-" : "v" + v.version().parentId(), 64));
        table.getColumns().add(column("Partner", v -> v.partnerId() == null ? "-" : "v" + v.partnerId(), 100));
        table.getColumns().add(column("Metrics", VersionInfo::summary, 320));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> vm.selectedProperty().set(v));
        return table;
    }

    private Node detail() {
        Label heading = new Label("Provenance");
        heading.getStyleClass().add("section-title");
        Label reason = new Label();
        reason.setWrapText(true);
        reason.textProperty().bind(Bindings.createStringBinding(() -> {
            VersionInfo v = vm.selectedProperty().get();
            return v == null ? "Select a version." : "v" + v.version().id() + " (" + v.version().path() + ")"
                    + (v.version().statusReason() == null ? "" : "\nStatus: " + v.version().statusReason());
        }, vm.selectedProperty()));
        // key / value lines, nested maps flattened: readable, nothing cut off (the value wraps in its tooltip)
        TableView<VersionInfo.Fact> provenance = new TableView<>();
        provenance.setId("models-provenance");
        provenance.setPlaceholder(new Label("Select a version to see where it comes from."));
        provenance.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<VersionInfo.Fact, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().key()));
        key.setPrefWidth(230);
        TableColumn<VersionInfo.Fact, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().value()));
        value.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null || v.length() < 40 ? null : new javafx.scene.control.Tooltip(v));
            }
        });
        provenance.getColumns().add(key);
        provenance.getColumns().add(value);
        vm.selectedProperty().addListener((o, a, v) -> provenance.getItems().setAll(
                v == null ? java.util.List.of() : v.provenanceTable()));
        VBox.setVgrow(provenance, Priority.ALWAYS);
        VBox box = new VBox(6, heading, reason, provenance);
        box.setPadding(new Insets(6));
        return box;
    }

    private static Label preview(String id, ReadOnlyObjectProperty<ActivationPlan> plan) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.createStringBinding(() -> plan.get() == null ? "" : plan.get().describe(), plan));
        return l;
    }

    private static TableColumn<VersionInfo, String> column(String title, Function<VersionInfo, String> value, double width) {
        TableColumn<VersionInfo, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}

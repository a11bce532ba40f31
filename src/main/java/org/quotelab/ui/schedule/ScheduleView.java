package org.quotelab.ui.schedule;

import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.ui.common.Toolbars;

/** Code-built Schedule view: the form, what runs and comes next, and the history of steps. */
public final class ScheduleView {
    private final ScheduleViewModel vm;
    private final BorderPane root = new BorderPane();

    public ScheduleView(ScheduleViewModel vm) {
        this.vm = vm;
        root.setId("schedule-view");
        Button save = Toolbars.action(new Button("Save"), "schedule-save", vm.busyProperty(), vm::save);
        save.getStyleClass().add("accent");
        Button refresh = Toolbars.action(new Button("Refresh"), "schedule-refresh", vm.busyProperty(), vm::reload);
        root.setTop(Toolbars.of("Schedule", refresh, save));
        VBox top = new VBox(8, form(), label("schedule-state", vm.stateProperty()),
                label("schedule-next", vm.nextRunProperty()));
        top.setPadding(new Insets(10));
        BorderPane center = new BorderPane(history());
        center.setTop(top);
        root.setCenter(center);
        Label message = label("schedule-message", vm.messageProperty());
        message.getStyleClass().add("view-message");
        BorderPane.setMargin(message, new Insets(4, 10, 4, 10));
        root.setBottom(message);
    }

    public Node root() {
        return root;
    }

    private Node form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        TextField folder = field("schedule-folder", vm.folderProperty(), 40);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose...");
        choose.setId("schedule-choose");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder new CSV files arrive in");
            File dir = chooser.showDialog(root.getScene().getWindow());
            if (dir != null) {
                vm.folderProperty().set(dir.getAbsolutePath());
            }
        });
        g.addRow(0, new Label("Watched folder"), new HBox(6, folder, choose));
        g.addRow(1, new Label("Update after"), new HBox(6, field("schedule-every", vm.everyBatchesProperty(), 4),
                new Label("new batches, or"), field("schedule-labels", vm.minLabelsProperty(), 6),
                new Label("new labels (0 = not this reason)"), check("schedule-drift", "or a drift alert", vm.onDriftProperty())));
        g.addRow(2, new Label("Only at (HH:MM)"), new HBox(6, field("schedule-at", vm.atProperty(), 5),
                new Label("empty = as soon as due"), check("schedule-never", "Never update, only propose",
                        vm.neverProperty())));
        g.addRow(3, new Label("Look every"), new HBox(6, field("schedule-poll", vm.pollSecondsProperty(), 5),
                new Label("seconds"), check("schedule-enabled", "Run while QuoteLab is open", vm.enabledProperty())));
        return g;
    }

    private Node history() {
        TableView<ScheduleEvent> table = new TableView<>(vm.events());
        table.setId("schedule-history");
        table.setPlaceholder(new Label("No steps yet: choose a folder, tick 'Run while QuoteLab is open' and save."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Started", 150, e -> ScheduleViewModel.time(e.startedAt())));
        table.getColumns().add(column("Step", 80, e -> e.kind().name().toLowerCase()));
        table.getColumns().add(column("Status", 90, e -> e.status().name().toLowerCase()));
        table.getColumns().add(column("File", 140, e -> e.fileName() == null ? "" : e.fileName()));
        table.getColumns().add(column("Batches", 80, e -> e.batchIds().isEmpty() ? "" : e.batchIds().toString()));
        table.getColumns().add(column("Versions", 80, e -> e.stage1VersionId() == null ? ""
                : "v" + e.stage1VersionId() + "/v" + e.stage2VersionId()));
        table.getColumns().add(column("What happened", 400, ScheduleEvent::detail));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> vm.selectedProperty().set(v));
        Button batch = Toolbars.action(new Button("Show batch in Review"), "schedule-show-batch",
                Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                        || vm.selectedProperty().get().batchIds().isEmpty(), vm.selectedProperty()), vm::openBatch);
        Button version = Toolbars.action(new Button("Show version in Models"), "schedule-show-version",
                Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                        || vm.selectedProperty().get().stage1VersionId() == null, vm.selectedProperty()), vm::openVersion);
        HBox links = new HBox(6, batch, version);
        links.setPadding(new Insets(4, 10, 4, 10));
        BorderPane box = new BorderPane(table);
        box.setBottom(links);
        return box;
    }

    private static TableColumn<ScheduleEvent, String> column(String title, double width,
                                                              Function<ScheduleEvent, String> value) {
        TableColumn<ScheduleEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }
}

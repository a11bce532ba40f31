package org.quotelab.ui.training;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.quotelab.ui.common.Toolbars;

/** Code-built Training view: the new-job form on the left, the running job on the right. */
public final class TrainingView {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingView.class);

    private final TrainingViewModel vm;
    private final BorderPane root = new BorderPane();

    public TrainingView(TrainingViewModel vm) {
        this.vm = vm;
        root.setTop(new VBox(toolbar(), FirstModelBanner.banner(vm, "training-first-model", () -> { })));
        Label formTitle = new Label("New job");
        formTitle.getStyleClass().add("section-title");
        VBox form = new VBox(8, formTitle, new TrainingFormView(vm).root());
        form.setPadding(new Insets(10));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setPrefWidth(380);
        formScroll.setMinWidth(340);
        root.setLeft(formScroll);
        root.setCenter(jobPanel());
        vm.noticeProperty().addListener((o, a, text) -> notifyUser(text));
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        Button start = Toolbars.action(new Button("Start"), "training-start", vm.runningProperty(), vm::start);
        start.getStyleClass().add("accent");
        Button cancel = Toolbars.action(new Button("Cancel"), "training-cancel", vm.runningProperty().not(),
                vm::cancel);
        return Toolbars.of("Training", start, cancel);
    }

    private Node jobPanel() {
        Label phase = new Label();
        phase.setId("training-phase");
        phase.getStyleClass().add("figure");
        phase.textProperty().bind(vm.phaseProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("training-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label eta = new Label();
        eta.setId("training-eta");
        eta.textProperty().bind(vm.etaProperty());
        HBox bar = new HBox(10, progress, eta);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("training-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label counts = new Label();
        counts.setId("training-counts");
        counts.setWrapText(true);
        counts.getStyleClass().add("view-message");
        counts.textProperty().bind(vm.countsProperty());
        counts.managedProperty().bind(counts.textProperty().isNotEmpty());
        Node chart = new LossChart(vm.loss()).viewer();
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label tableTitle = new Label("Validation per epoch");
        tableTitle.getStyleClass().add("section-title");
        VBox panel = new VBox(8, phase, bar, message, counts, chart, tableTitle, epochTable());
        panel.setPadding(new Insets(10));
        return panel;
    }

    private TableView<TrainingViewModel.EpochRow> epochTable() {
        TableView<TrainingViewModel.EpochRow> table = new TableView<>(vm.epochs());
        table.setId("training-epochs");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Validation figures appear after each epoch."));
        table.getColumns().add(column("Fine-tune", TrainingViewModel.EpochRow::phase));
        table.getColumns().add(column("Epoch", TrainingViewModel.EpochRow::epoch));
        table.getColumns().add(column("Train loss", r -> fmt(r.trainLoss())));
        table.getColumns().add(column("Validation loss", r -> fmt(r.validationLoss())));
        table.getColumns().add(column("Accuracy", r -> fmt(r.accuracy())));
        table.getColumns().add(column("Macro-F1", r -> fmt(r.macroF1())));
        table.getColumns().add(column("Kept", TrainingViewModel.EpochRow::kept));
        return table;
    }

    private static TableColumn<TrainingViewModel.EpochRow, String> column(String name,
            Function<TrainingViewModel.EpochRow, String> value) {
        TableColumn<TrainingViewModel.EpochRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static String fmt(double v) {
        // no figure only when the fine-tune had no hold-out (an update's replay epochs, say)
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A desktop notification, also when another view is on screen: the job may outlast the visit. */
    private void notifyUser(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Window owner = root.getScene() != null ? root.getScene().getWindow()
                : Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        if (owner == null) {
            return;
        }
        try {
            Notifications n = Notifications.create().owner(owner).title("QuoteLab training").text(text)
                    .hideAfter(Duration.seconds(8));
            if (text.startsWith("Training failed")) {
                n.showError();
            } else {
                n.showInformation();
            }
        } catch (RuntimeException e) {
            // a notification is a courtesy: the message line already says how the job ended
            LOG.warn("could not show the notification: {}", e.toString());
        }
    }
}

package org.quotelab.ui.monitoring;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.quotelab.service.monitoring.ExplainingQuote;
import org.quotelab.ui.common.StatusNodes;
import org.quotelab.ui.common.Icons;
import org.quotelab.ui.common.Toolbars;

/** Code-built Monitoring view: binds to {@link MonitoringViewModel} and renders; no work on the FX thread. */
public final class MonitoringView {
    private final MonitoringViewModel vm;
    private final BorderPane root = new BorderPane();
    private final MonitoringCharts charts = new MonitoringCharts();
    private final ForgettingHeatMap heatMap = new ForgettingHeatMap();
    private final AgreementPanel agreement;

    public MonitoringView(MonitoringViewModel vm, AgreementViewModel agreement) {
        this.vm = vm;
        this.agreement = new AgreementPanel(agreement);
        root.setTop(toolbar());
        Label message = StatusNodes.message("monitoring-message", vm.messageProperty());
        ProgressBar progress = StatusNodes.progress(vm.progressProperty(), vm.busyProperty());
        progress.setPrefWidth(260);
        Button cancel = new Button("Cancel", Icons.icon("cancel"));
        cancel.setId("monitoring-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox status = new HBox(10, progress, cancel, message);
        status.setPadding(new Insets(6, 10, 6, 10));
        SplitPane body = new SplitPane(charts(), tables());
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.62);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.setCenter(new VBox(status, body));
        charts.timeline().setId("monitoring-timeline");
        charts.drift().setId("monitoring-drift");
        heatMap.viewer().setId("monitoring-matrix");
        vm.reportProperty().addListener((o, a, r) -> {
            if (r != null) {
                charts.load(r);
            }
        });
        vm.matrixProperty().addListener((o, a, m) -> {
            if (m != null) {
                heatMap.load(m);
            }
        });
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        Button fill = Toolbars.action(new Button("Compute missing cells"), "monitoring-fill", vm.busyProperty(),
                vm::fillMatrix);
        Button refresh = Toolbars.action(new Button("Refresh"), "monitoring-refresh", vm.busyProperty(), vm::refresh);
        refresh.getStyleClass().add("accent");
        return Toolbars.of("Monitoring", fill, refresh);
    }

    private Node charts() {
        HBox row = new HBox(6, charts.timeline(), charts.drift(), heatMap.viewer());
        for (Region r : new Region[] {charts.timeline(), charts.drift(), heatMap.viewer()}) {
            r.setPrefSize(380, 300);
            r.setMinSize(200, 160);
            HBox.setHgrow(r, Priority.ALWAYS);
        }
        row.setPadding(new Insets(0, 10, 0, 10));
        return row;
    }

    private Node tables() {
        TableView<BatchRow> batches = new TableView<>(vm.batches());
        batches.setId("monitoring-batches");
        batches.setPlaceholder(new Label("Press Refresh."));
        batches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // widths that fit the headers and values such as "1,366 / 3,096": nothing is cut
        batches.getColumns().add(column("Day", BatchRow::day, 90));
        batches.getColumns().add(column("Labelled", BatchRow::labelled, 120));
        batches.getColumns().add(column("Measured", BatchRow::measured, 100));
        batches.getColumns().add(column("Estimated*", BatchRow::estimated, 100));
        batches.getColumns().add(column("Drift", BatchRow::severity, 80));
        batches.getColumns().add(column("Effect (95 % CI)", BatchRow::effect, 240));
        batches.getColumns().add(column("Unfamiliar", BatchRow::unfamiliar, 180));
        TableColumn<BatchRow, String> alerts = column("Alerts", BatchRow::alerts, 300);
        batches.getColumns().add(alerts);
        batches.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> vm.selectedProperty().set(row));
        vm.selectedProperty().addListener((o, a, row) -> {
            if (row != null && batches.getSelectionModel().getSelectedItem() != row) {
                batches.getSelectionModel().select(row);
            }
        });
        Label note = new Label("* Estimated: mean calibrated confidence of the predictions, an estimate that needs no"
                + " labels (over the unlabelled quotes, or all quotes when every quote is labelled). Drift: none / minor"
                + " / moderate / major, from the effect size of the tests that stay significant after Holm's"
                + " correction; the model-output tests compare only quotes no version trained on.");
        note.setWrapText(true);
        note.getStyleClass().add("section-title");
        VBox left = new VBox(4, batches, note);
        VBox.setVgrow(batches, Priority.ALWAYS);

        TableView<ExplainingQuote> quotes = new TableView<>(vm.explaining());
        quotes.setId("monitoring-explaining");
        quotes.setPlaceholder(new Label("Select a batch with an alert to see the quotes that explain it."));
        quotes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        quotes.getColumns().add(column("Day", ExplainingQuote::day, 80));
        quotes.getColumns().add(column("Predicted", q -> q.predicted() == null ? "-" : q.predicted(), 110));
        quotes.getColumns().add(column("Confidence", q -> String.format(Locale.ROOT, "%.0f%%", 100 * q.confidence()), 90));
        quotes.getColumns().add(column("Label", q -> q.truth() == null ? "-" : q.truth(), 100));
        quotes.getColumns().add(column("Quote (farthest from the reference first)", ExplainingQuote::text, 400));
        SplitPane split = new SplitPane(left, quotes, agreement.root());
        split.setDividerPositions(0.38, 0.64);
        split.setPadding(new Insets(6, 10, 10, 10));
        return split;
    }

    /** A column at least {@code width} wide (never squeezed below it); a cut value shows whole in its tooltip. */
    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 110));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null || v.isEmpty() ? null : new javafx.scene.control.Tooltip(v));
            }
        });
        return c;
    }
}

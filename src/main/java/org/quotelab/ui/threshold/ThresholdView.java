package org.quotelab.ui.threshold;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.quotelab.domain.cascade.ThresholdObjective;
import org.quotelab.service.cascade.ThresholdTuning;

import org.quotelab.ui.common.StatusNodes;
import org.quotelab.ui.common.Toolbars;

/** Code-built Threshold view: binds to {@link ThresholdViewModel} and renders; no work on the FX thread. */
public final class ThresholdView {
    private final ThresholdViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ThresholdCharts charts = new ThresholdCharts();

    public ThresholdView(ThresholdViewModel vm) {
        this.vm = vm;
        root.setTop(toolbar());
        Label message = StatusNodes.message("threshold-message", vm.messageProperty());
        ProgressBar progress = StatusNodes.progress(vm.progressProperty(), vm.busyProperty());
        VBox content = new VBox(10, message, progress, body());
        content.setPadding(new Insets(10));
        root.setCenter(content);
        vm.loadedProperty().addListener((o, a, l) -> redraw());
        // the precision/recall curve belongs to one class-0 threshold: draw that one's
        vm.class0IndexProperty().addListener((o, a, b) -> redraw());
        vm.indexProperty().addListener((o, a, b) -> charts.mark(vm.point()));
    }

    private void redraw() {
        ThresholdTuning.Loaded l = vm.loadedProperty().get();
        if (l != null) {
            int j = Math.max(0, Math.min(l.class0Grid().length - 1, vm.class0IndexProperty().get()));
            charts.load(l.sweeps().get(j), l.reliability());
            charts.mark(vm.point());
        }
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        Button reload = Toolbars.action(new Button("Reload"), null, vm.busyProperty(), vm::reload);
        Button apply = Toolbars.action(new Button("Apply"), "threshold-apply",
                vm.readyProperty().not().or(vm.busyProperty()), vm::apply);
        apply.getStyleClass().add("accent");
        return Toolbars.of("Threshold", reload, apply);
    }

    private Node body() {
        Slider slider = new Slider(0, ThresholdTuning.GRID_STEPS, vm.indexProperty().get());
        slider.setId("threshold-slider");
        slider.setBlockIncrement(5);
        slider.setMajorTickUnit(100);
        slider.setShowTickMarks(true);
        slider.setSnapToTicks(false);
        HBox.setHgrow(slider, Priority.ALWAYS);
        // the slider's double value indexes the precomputed points: rounding is the only work
        slider.valueProperty().addListener((o, a, v) -> vm.indexProperty().set((int) Math.round(v.doubleValue())));
        vm.indexProperty().addListener((o, a, v) -> {
            if (Math.round(slider.getValue()) != v.intValue()) {
                slider.setValue(v.intValue());
            }
        });
        Label threshold = value("threshold-value", vm.thresholdProperty());
        Label stage1Name = new Label("Stage-1 threshold");
        HBox sliderRow = new HBox(10, stage1Name, slider, threshold);
        sliderRow.setAlignment(Pos.CENTER_LEFT);
        VBox sliders = new VBox(6, sliderRow, class0Row(stage1Name, threshold));

        GridPane figures = new GridPane();
        figures.setHgap(12);
        figures.setVgap(4);
        addFigure(figures, 0, "Class-0 recall", value("class0-recall", vm.class0RecallProperty()),
                vm.class0RecallNoteProperty());
        addFigure(figures, 1, "Class-0 precision", value("class0-precision", vm.class0PrecisionProperty()), null);
        addFigure(figures, 2, "Out-of-topic recall", value("out-of-topic-recall", vm.outOfTopicRecallProperty()),
                vm.outOfTopicRecallNoteProperty());
        addFigure(figures, 3, "End-to-end macro-F1", value("macro-f1", vm.macroF1Property()), vm.macroF1NoteProperty());
        addFigure(figures, 4, "End-to-end accuracy", value("accuracy", vm.accuracyProperty()), vm.accuracyNoteProperty());
        addFigure(figures, 5, "Review load", value("review-load", vm.reviewLoadProperty()), null);

        TableView<ThresholdViewModel.TopicLoss> lost = new TableView<>(vm.topicLoss());
        lost.setId("topic-loss");
        lost.setPrefHeight(180);
        lost.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ThresholdViewModel.TopicLoss, String> topic = new TableColumn<>("Topic");
        topic.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().topic()));
        TableColumn<ThresholdViewModel.TopicLoss, String> share = new TableColumn<>("Recall lost at stage 1");
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                String.format(Locale.ROOT, "%.1f %%", 100 * c.getValue().lost())));
        TableColumn<ThresholdViewModel.TopicLoss, String> band = new TableColumn<>("95 % interval, n");
        band.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().estimate().ci().format() + "  n = "
                + c.getValue().estimate().n()));
        lost.getColumns().add(topic);
        lost.getColumns().add(share);
        lost.getColumns().add(band);
        Label comparison = new Label();
        comparison.setId("plain-rule-comparison");
        comparison.setStyle("-fx-font-family: monospace;");
        comparison.textProperty().bind(vm.comparisonProperty());
        comparison.setTooltip(new Tooltip("The point shown against the plain rule (stage 1 at 0.5, stage 2's top class),"
                + " on the same held-out quotes, with 95 % intervals"));

        VBox left = new VBox(10, figures, recommendations(), lost, comparison);
        left.setPrefWidth(380);
        left.setMinWidth(340);
        HBox chartsRow = new HBox(8, charts.precisionRecall(), charts.calibration());
        charts.precisionRecall().setPrefSize(420, 360);
        charts.calibration().setPrefSize(420, 360);
        HBox.setHgrow(charts.precisionRecall(), Priority.ALWAYS);
        HBox.setHgrow(charts.calibration(), Priority.ALWAYS);
        HBox.setHgrow(chartsRow, Priority.ALWAYS);
        HBox main = new HBox(12, left, chartsRow);
        VBox.setVgrow(main, Priority.ALWAYS);
        VBox body = new VBox(10, sliders, main);
        body.visibleProperty().bind(vm.readyProperty());
        body.managedProperty().bind(body.visibleProperty());
        body.disableProperty().bind(vm.busyProperty());
        VBox.setVgrow(body, Priority.ALWAYS);
        return body;
    }

    /**
     * Class-0 slider in hundredths, 1 to 100; grid index 0 is 1.00. Labels share the widths of the
     * stage-1 row so the two sliders line up.
     */
    private Node class0Row(Label alignName, Label alignValue) {
        int top = 100;
        Slider slider = new Slider(1, top, top - vm.class0IndexProperty().get());
        slider.setId("class0-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(10);
        slider.setShowTickMarks(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((o, a, v) ->
                vm.class0IndexProperty().set(top - (int) Math.round(v.doubleValue())));
        vm.class0IndexProperty().addListener((o, a, v) -> {
            if (top - Math.round(slider.getValue()) != v.intValue()) {
                slider.setValue(top - v.intValue());
            }
        });
        Label name = new Label("Class-0 threshold");
        name.minWidthProperty().bind(alignName.widthProperty());
        name.setTooltip(new javafx.scene.control.Tooltip("A passed quote is called not pertinent (class 0) once"
                + " stage 2 gives class 0 at least this probability, even if a topic scores higher."
                + " At 1.00, only when class 0 is stage 2's top class."));
        Label value = value("class0-threshold-value", vm.class0ThresholdProperty());
        value.minWidthProperty().bind(alignValue.widthProperty());
        HBox row = new HBox(10, name, slider, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node recommendations() {
        TextField bound = new TextField();
        bound.setId("threshold-bound");
        bound.setPrefColumnCount(5);
        bound.textProperty().bindBidirectional(vm.boundProperty());
        Button best = button("Best macro-F1", "recommend-best", ThresholdObjective.BEST_MACRO_F1);
        Button c0 = button("Class 0", "recommend-class0", ThresholdObjective.MIN_CLASS0_RECALL);
        Button oot = button("Out-of-topic", "recommend-oot", ThresholdObjective.MIN_OUT_OF_TOPIC_RECALL);
        Label boundLabel = new Label("Keep recall at least");
        boundLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox boundRow = new HBox(6, boundLabel, bound);
        boundRow.setAlignment(Pos.CENTER_LEFT);
        c0.setTooltip(new javafx.scene.control.Tooltip("Best macro-F1 among thresholds whose class-0 recall reaches the bound"));
        oot.setTooltip(new javafx.scene.control.Tooltip("Best macro-F1 among thresholds whose out-of-topic recall reaches the bound"));
        HBox bounded = new HBox(6, c0, oot);
        Label heading = new Label("Recommend");
        heading.getStyleClass().add("section-title");
        return new VBox(6, heading, best, boundRow, bounded);
    }

    private Button button(String text, String id, ThresholdObjective objective) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> vm.recommend(objective));
        return b;
    }

    private static Label value(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("figure");
        l.textProperty().bind(text);
        return l;
    }

    /** A figure with its interval and support beside it; greyed out, with the reason on hover, under 30 quotes. */
    private static void addFigure(GridPane grid, int row, String name, Label value,
                                  ReadOnlyObjectProperty<ThresholdViewModel.Note> note) {
        Label label = new Label(name);
        grid.add(label, 0, row);
        grid.add(value, 1, row);
        if (note == null) {
            return;
        }
        Label ci = new Label();
        ci.setId(value.getId() + "-ci");
        grid.add(ci, 2, row);
        note.addListener((o, a, n) -> {
            ci.setText(n.text());
            boolean thin = !n.warning().isEmpty();
            Tooltip why = thin ? new Tooltip(n.warning()) : null;
            for (Label l : new Label[] {label, value, ci}) {
                l.setOpacity(thin ? 0.45 : 1);
                l.setTooltip(why);
            }
        });
    }
}

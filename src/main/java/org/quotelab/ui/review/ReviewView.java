package org.quotelab.ui.review;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.ReviewFilters;
import org.quotelab.service.review.ReviewContext;
import org.quotelab.ui.common.ShowOnly;

/** The Review view: filters, the key legend (each topic's schema key), the paged quote table and the detail pane. Keyboard first. */
public final class ReviewView {
    /** Start reading the next page when the user is this many rows from the end of what is loaded. */
    private static final int PREFETCH_ROWS = 40;
    private static final double FILTER_COMBO_WIDTH = 170;
    static final String UNFAMILIAR_HELP = "Quotes unlike the quotes stage 1 was trained on (distance beyond the"
            + " cut-off that about 5 % of new in-domain quotes pass), most unfamiliar first";

    private final ReviewViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<QuoteRow> table;
    private final ComboBox<Batch> batch = new ComboBox<>();
    private final ComboBox<String> predicted = new ComboBox<>();
    private final CheckBox unlabelled = new CheckBox("Unlabelled");
    private final CheckBox uncertain = new CheckBox("Uncertain");
    private final CheckBox disagreement = new CheckBox("Model disagrees");
    private final CheckBox annotatorsDisagree = new CheckBox("Annotators disagree");
    private final CheckBox unfamiliar = new CheckBox("Unfamiliar");
    private final AnnotatorFilterBar annotators = new AnnotatorFilterBar(this::push);
    private final CheckBox suspects = new CheckBox("Label suspects");
    private final KeyLegend legend = new KeyLegend();
    private final DetailPane detail = new DetailPane();
    private boolean syncing;

    public ReviewView(ReviewViewModel vm) {
        this.vm = vm;
        this.table = new TableView<>(vm.rows());
        root.setId("review-view");
        root.getStyleClass().add("review-view");
        // the annotator filters get their own row: the filter bar is full at the usual window width
        root.setTop(new VBox(filterBar(), annotators.root(), focusBar(), legend.root()));
        SplitPane split = new SplitPane(buildTable(), detail.root());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        root.setCenter(split);
        Label message = new Label();
        message.setId("review-message");
        message.getStyleClass().add("view-message");
        message.textProperty().bind(vm.messageProperty());
        root.setBottom(message);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.contextProperty().addListener((o, a, ctx) -> syncContext(ctx));
        vm.filtersProperty().addListener((o, a, f) -> syncFilters(f));
        vm.focusProperty().addListener((o, a, f) -> syncFilters(vm.filtersProperty().get()));
        vm.detailProperty().addListener((o, a, d) -> {
            detail.setSchema(vm.schema());
            detail.show(d);
        });
        vm.focusRequestProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                moveTo(i.intValue());
            }
        });
        ConflictDialog.attach(vm, root);
        watchWhileShown();
        // the view may be built after the context arrived; an equal context later fires no change
        if (vm.contextProperty().get() != null) {
            syncContext(vm.contextProperty().get());
        }
    }

    public Node root() {
        return root;
    }

    /** Others' label changes arrive while the view is in a window on screen, and only then. */
    private void watchWhileShown() {
        ChangeListener<Boolean> showing = (o, a, on) -> {
            if (on) {
                vm.startWatching();
            } else {
                vm.stopWatching();
            }
        };
        ChangeListener<Window> window = (o, a, w) -> {
            if (a != null) {
                a.showingProperty().removeListener(showing);
            }
            if (w != null) {
                w.showingProperty().addListener(showing);
            }
            showing.changed(null, null, w != null && w.isShowing());
        };
        root.sceneProperty().addListener((o, a, scene) -> {
            if (a != null) {
                a.windowProperty().removeListener(window);
            }
            if (scene != null) {
                scene.windowProperty().addListener(window);
            }
            window.changed(null, a == null ? null : a.getWindow(), scene == null ? null : scene.getWindow());
        });
    }

    public TableView<QuoteRow> table() {
        return table;
    }

    private Node filterBar() {
        Label title = new Label("Review");
        title.getStyleClass().add("view-title");
        batch.setId("filter-batch");
        batch.setPromptText("All batches");
        batch.setConverter(ShowOnly.converter(b -> b == null ? "All batches" : b.day() + (mine(b) ? "  (mine)" : "")));
        predicted.setId("filter-predicted");
        // sized to the row, not to the longest topic name: the toolbar hides what does not fit,
        // and the reviewed count at the row's end must stay visible (the list shows full names)
        predicted.setPrefWidth(FILTER_COMBO_WIDTH);
        predicted.setMaxWidth(FILTER_COMBO_WIDTH);
        batch.setMaxWidth(FILTER_COMBO_WIDTH);
        predicted.setConverter(ShowOnly.converter(c -> c == null ? "Any prediction"
                : QuoteFilter.OUT_OF_TOPIC.equals(c) ? "Predicted out-of-topic" : "Predicted " + vm.schema().name(c)));
        unlabelled.setId("filter-unlabelled");
        uncertain.setId("filter-uncertain");
        disagreement.setId("filter-disagreement");
        uncertain.setTooltip(new Tooltip("P(in-topic) within 0.1 of the stage-1 threshold"));
        disagreement.setTooltip(new Tooltip("The label differs from the model's prediction"));
        annotatorsDisagree.setId("filter-annotators-disagree");
        annotatorsDisagree.setTooltip(new Tooltip("Annotators' latest labels of the quote differ"));
        annotatorsDisagree.selectedProperty().addListener((o, a, on) -> push(f -> f.withAnnotatorsDisagree(on)));
        bindCount(annotatorsDisagree, "Annotators disagree", "annotatorsDisagree");
        annotators.add(annotatorsDisagree);
        annotators.addFirst("Queues", unfamiliar, suspects);
        unfamiliar.setId("filter-unfamiliar");
        unfamiliar.setTooltip(new Tooltip(UNFAMILIAR_HELP));
        batch.valueProperty().addListener((o, a, b) -> push(f -> f.withBatch(b == null ? null : b.id())));
        predicted.valueProperty().addListener((o, a, c) -> push(f -> f.withPredictedClass(c)));
        unlabelled.selectedProperty().addListener((o, a, on) -> push(f -> f.withUnlabelled(on)));
        uncertain.selectedProperty().addListener((o, a, on) -> push(f -> f.withUncertain(on)));
        disagreement.selectedProperty().addListener((o, a, on) -> push(f -> f.withDisagreement(on)));
        unfamiliar.selectedProperty().addListener((o, a, on) -> push(f -> f.withUnfamiliar(on)));
        suspects.setId("filter-suspects");
        suspects.setTooltip(new Tooltip("Labelled quotes the model puts in another class at least as surely as it"
                + " usually recognises that class on held-out quotes: possible label errors, most confident first"));
        suspects.selectedProperty().addListener((o, a, on) -> push(f -> f.withSuspects(on)));
        bindCount(suspects, "Label suspects", "suspects");
        bindCount(unlabelled, "Unlabelled", "unlabelled");
        bindCount(uncertain, "Uncertain", "uncertain");
        bindCount(disagreement, "Model disagrees", "disagreement");
        Label progress = new Label();
        progress.setId("review-progress");
        progress.getStyleClass().add("review-progress");
        progress.textProperty().bind(vm.progressProperty());
        Label count = new Label();
        count.setId("review-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.totalProperty().get() < 0
                ? "counting..." : String.format("%,d quotes", vm.totalProperty().get()), vm.totalProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // the filtered count ends the second row: the first is full with the reviewed progress
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        annotators.add(gap2);
        annotators.add(count);
        return new ToolBar(title, batch, predicted, unlabelled, uncertain, disagreement, gap, progress);
    }

    /** "Uncertain (42)": the queue's size under the batch and prediction filters. */
    private void bindCount(CheckBox box, String label, String queue) {
        box.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> ReviewQueues.withCount(label, vm.queueCounts().get(queue)), vm.queueCounts()));
    }

    /** Quotes sent by another view (a confusion cell) replace the filters until "Show all". */
    private Node focusBar() {
        Label focus = new Label();
        focus.setId("review-focus");
        focus.getStyleClass().add("review-focus");
        javafx.scene.control.Button all = new javafx.scene.control.Button("Show all");
        all.setId("review-focus-clear");
        HBox focusBox = new HBox(8, focus, all);
        focusBox.setPadding(new Insets(4, 10, 4, 10));
        focusBox.setAlignment(Pos.CENTER_LEFT);
        focusBox.visibleProperty().bind(vm.focusProperty().isNotNull());
        focusBox.managedProperty().bind(focusBox.visibleProperty());
        focus.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.focusProperty().get() == null
                ? "" : vm.focusProperty().get().description(), vm.focusProperty()));
        all.setOnAction(e -> vm.focus(null));
        return focusBox;
    }

    private Node buildTable() {
        table.setId("review-table");
        table.setPlaceholder(new Label("No quotes match these filters."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the quote as written (not the lower-cased text the model reads) takes what the others leave
        TableColumn<QuoteRow, String> text = column("Quote", r -> r.quote().displayText());
        text.setPrefWidth(360);
        text.setMinWidth(160);
        TableColumn<QuoteRow, String> day = column("Batch", QuoteRow::batchDay);
        fixed(day, 84);
        TableColumn<QuoteRow, Double> p = new TableColumn<>("P(in-topic)");
        p.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().prediction() == null ? null : c.getValue().prediction().pInTopic()));
        p.setCellFactory(c -> new ProbabilityCell(this::threshold));
        // bar, gap and "100%" always fit: no "0." cut-offs
        fixed(p, ProbabilityCell.BAR_WIDTH + 60);
        TableColumn<QuoteRow, org.quotelab.domain.quote.Prediction> pred = new TableColumn<>("Predicted");
        pred.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().prediction()));
        pred.setCellFactory(c -> new PredictionCell(this::threshold, vm::schema));
        fixed(pred, 220);
        TableColumn<QuoteRow, String> label = column("Label", r -> Labels.current(r.label(), vm.schema()));
        fixed(label, 120);
        TableColumn<QuoteRow, String> source = column("Source", r -> r.label() == null ? "" : Labels.source(r.label().source()));
        fixed(source, 110);
        TableColumn<QuoteRow, String> odd = column("Unfamiliar", r -> Labels.unfamiliar(r.prediction()));
        odd.setId("column-unfamiliar");
        fixed(odd, 90);
        table.getColumns().addAll(List.of(text, day, p, pred, odd, label, source));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            public void updateIndex(int i) {
                super.updateIndex(i);
                // a row near the end of what is loaded became visible: fetch the next page in the background
                if (i >= 0 && i >= vm.rows().size() - PREFETCH_ROWS) {
                    vm.loadMore();
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.select(r));
        return table;
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        int index = table.getSelectionModel().getSelectedIndex();
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            vm.undo();
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || index < 0) {
            return;
        }
        String key = key(e.getCode());
        boolean done = false;
        if (key != null) {
            done = vm.labelWithKey(index, key);
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER) {
            done = vm.acceptPrediction(index);
            e.consume();
        }
        if (done && index + 1 < vm.rows().size()) {
            moveTo(index + 1);
        }
    }

    /** The key as the legend names it: a digit (main row or keypad) or a lower-case letter; else null. */
    private static String key(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            return name.substring(name.length() - 1);
        }
        if (code.isLetterKey()) {
            return code.getName().toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    /** Selects a row and scrolls only as far as needed, as the arrow keys do. */
    private void moveTo(int index) {
        table.getSelectionModel().clearAndSelect(index);
        table.getFocusModel().focus(index);
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        }
        table.requestFocus();
    }

    private void push(java.util.function.UnaryOperator<ReviewFilters> change) {
        if (!syncing) {
            vm.setFilters(change.apply(vm.filtersProperty().get()));
        }
    }

    private void syncContext(ReviewContext ctx) {
        syncing = true;
        try {
            List<Batch> batches = new ArrayList<>();
            batches.add(null);
            batches.addAll(ctx.batches());
            batch.getItems().setAll(batches);
            List<String> classes = new ArrayList<>();
            classes.add(null);
            classes.add(QuoteFilter.OUT_OF_TOPIC);
            ctx.topics().forEach(t -> classes.add(t.topic()));
            predicted.getItems().setAll(classes);
            String why = ctx.hasModel() ? null : "No active model yet: train or promote one to filter by predictions";
            suspects.setDisable(!ctx.hasModel()); // keeps its tooltip: it says what the queue holds
            for (var c : List.of(predicted, uncertain, disagreement, unfamiliar)) {
                c.setDisable(!ctx.hasModel());
                ((javafx.scene.control.Control) c).setTooltip(why == null ? null : new Tooltip(why));
            }
            legend.fill(ctx.schema());
            annotators.sync(ctx);
        } finally {
            syncing = false;
        }
        syncFilters(vm.filtersProperty().get());
    }

    private void syncFilters(ReviewFilters f) {
        syncing = true;
        try {
            // quotes sent from another view: the batch filter shows where they come from
            var focus = vm.focusProperty().get();
            Long shown = focus != null ? focus.batchId() : f.batchId();
            batch.setValue(batch.getItems().stream().filter(b -> b != null && shown != null
                    && b.id() == shown).findFirst().orElse(null));
            predicted.setValue(f.predictedClass());
            unlabelled.setSelected(f.unlabelled());
            uncertain.setSelected(f.uncertain());
            disagreement.setSelected(f.disagreement());
            annotatorsDisagree.setSelected(f.annotatorsDisagree());
            unfamiliar.setSelected(f.unfamiliar());
            annotators.sync(f);
            suspects.setSelected(f.suspects());
        } finally {
            syncing = false;
        }
    }


    /** Whether the batch is assigned to the annotator at the keyboard. */
    private boolean mine(Batch b) {
        return vm.contextProperty().get() != null && vm.contextProperty().get().isMine(b.id());
    }

    private double threshold() {
        return vm.contextProperty().get() == null ? 0.5 : vm.contextProperty().get().threshold();
    }

    /** A column as wide as its content needs, which the flexible Quote column never squeezes. */
    private static void fixed(TableColumn<QuoteRow, ?> c, double width) {
        c.setMinWidth(width);
        c.setPrefWidth(width);
    }

    private static TableColumn<QuoteRow, String> column(String title, java.util.function.Function<QuoteRow, String> value) {
        TableColumn<QuoteRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}

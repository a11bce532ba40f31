package org.quotelab.ui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import org.quotelab.domain.quote.LabelledBy;
import org.quotelab.service.ReviewFilters;
import org.quotelab.service.review.ReviewContext;
import org.quotelab.ui.common.ShowOnly;

/**
 * Review's second row of filters: the model's queues, then the filters by annotator: "Labelled by anyone / me / others / nobody" (who set the current
 * label) and "My batches" (batches assigned to the annotator at the keyboard).
 */
final class AnnotatorFilterBar {
    final ComboBox<LabelledBy> labelledBy = new ComboBox<>();
    final CheckBox myBatches = new CheckBox("My batches");
    private String annotator;
    private final ToolBar root;

    AnnotatorFilterBar(java.util.function.Consumer<UnaryOperator<ReviewFilters>> push) {
        labelledBy.setId("filter-labelled-by");
        labelledBy.getItems().setAll(LabelledBy.values());
        labelledBy.setValue(LabelledBy.ANYONE);
        labelledBy.setConverter(ShowOnly.converter(this::text));
        labelledBy.setTooltip(new Tooltip("Who set the quote's current label"));
        myBatches.setId("filter-my-batches");
        myBatches.setTooltip(new Tooltip("Only batches assigned to you (assign them in the Data view)"));
        labelledBy.valueProperty().addListener((o, a, by) -> push.accept(f -> f.withLabelledBy(by)));
        myBatches.selectedProperty().addListener((o, a, on) -> push.accept(f -> f.withMyBatches(on)));
        Label title = new Label("Team");
        title.getStyleClass().add("filter-row-title");
        root = new ToolBar(title, labelledBy, myBatches);
        root.setId("review-annotator-filters");
        root.getStyleClass().add("review-annotator-filters");
    }

    Node root() {
        return root;
    }

    /** Another team filter on the same row (the annotators-disagree queue). */
    void add(Node filter) {
        root.getItems().add(filter);
    }

    /**
     * Other filters ahead of the team's on the same row (the model's queues): the first row of
     * filters is full at the window's usual width, and a toolbar hides what does not fit.
     */
    void addFirst(String title, Node... filters) {
        Label t = new Label(title);
        t.getStyleClass().add("filter-row-title");
        List<Node> ahead = new ArrayList<>();
        ahead.add(t);
        ahead.addAll(List.of(filters));
        ahead.add(new Separator(Orientation.VERTICAL));
        root.getItems().addAll(0, ahead);
    }

    private String text(LabelledBy by) {
        if (by == null) {
            return "";
        }
        return switch (by) {
            case ANYONE -> "Labelled by anyone";
            case ME -> annotator == null ? "Labelled by me" : "Labelled by me (" + annotator + ")";
            case OTHERS -> "Labelled by others";
            case NOBODY -> "Labelled by nobody";
        };
    }

    /** The annotator's name in "me", and how many batches are theirs. */
    void sync(ReviewContext ctx) {
        annotator = ctx.annotator();
        LabelledBy shown = labelledBy.getValue();
        labelledBy.setValue(null); // the button's text is made once per value: redraw it with the name
        labelledBy.setValue(shown);
        int mine = ctx.myBatches().size();
        myBatches.setText(mine == 0 ? "My batches" : "My batches (" + mine + ")");
    }

    void sync(ReviewFilters f) {
        labelledBy.setValue(f.labelledBy());
        myBatches.setSelected(f.myBatches());
    }
}

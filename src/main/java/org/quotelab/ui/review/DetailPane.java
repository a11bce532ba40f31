package org.quotelab.ui.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.QuoteMetadata;
import org.quotelab.service.review.QuoteDetail;

/** The right-hand pane of Review: the whole quote, its review, metadata and label history. */
final class DetailPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Label quote = wrapping("detail-quote", "detail-quote");
    private final Label processed = wrapping("detail-processed", "detail-processed");
    private final Label review = wrapping("detail-review", "detail-review");
    private final Label label = wrapping("detail-label", "detail-label");
    private final GridPane meta = new GridPane();
    private final ListView<LabelChange> history = new ListView<>();
    private final VBox box;

    DetailPane() {
        meta.setHgap(10);
        meta.setVgap(3);
        meta.getStyleClass().add("detail-meta");
        history.setId("detail-history");
        history.setPrefHeight(160);
        history.setPlaceholder(new Label("No label changes yet."));
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LabelChange c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : describe(c, schema));
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            }
        });
        box = new VBox(8, heading("Quote"), quote, processed, heading("Review"), review, heading("Label"), label,
                heading("Details"), meta, heading("Label history"), history);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("detail-pane");
        VBox.setVgrow(history, Priority.ALWAYS);
        show(null);
    }

    Node root() {
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setMinWidth(280);
        return scroll;
    }

    void show(QuoteDetail d) {
        meta.getChildren().clear();
        if (d == null) {
            quote.setText("Select a quote to see it in full.");
            showProcessed(null);
            review.setText("");
            label.setText("");
            history.getItems().clear();
            return;
        }
        // people read the quote as written; the processed form the models read comes second
        quote.setText(d.quote().displayText());
        showProcessed(d.quote().originalText() == null ? null : d.quote().text());
        QuoteMetadata m = d.quote().metadata();
        review.setText(m.reviewText() == null ? "(no review text)" : m.reviewText());
        label.setText(d.label() == null ? "unlabelled" : Labels.label(d.label().label(), schema) + "  ("
                + Labels.source(d.label().source()) + ", set by " + d.label().updatedBy() + ", "
                + WHEN.format(d.label().updatedAt()) + ")");
        int row = 0;
        row = add(row, "Quote id", d.quote().externalId());
        row = add(row, "Country", m.countryName() == null ? m.countryId() : m.countryName());
        row = add(row, "Product", m.productId());
        row = add(row, "Category", m.productCategory());
        row = add(row, "Review id", m.reviewId());
        add(row, "Validation", d.quote().validation() ? "yes (held out)" : "no");
        history.getItems().setAll(d.history());
    }

    private void showProcessed(String text) {
        processed.setText(text == null ? "" : "Processed (what the models read): " + text);
        processed.setVisible(text != null);
        processed.setManaged(text != null);
    }

    private int add(int row, String name, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label k = new Label(name);
        k.getStyleClass().add("meta-key");
        meta.addRow(row, k, new Label(value));
        return row + 1;
    }

    /** The project's topic names for the label and its history; set before each detail is shown. */
    void setSchema(org.quotelab.domain.project.LabelSchema s) {
        schema = s;
    }

    private org.quotelab.domain.project.LabelSchema schema = org.quotelab.domain.project.LabelSchema.EMPTY;

    static String describe(LabelChange c, org.quotelab.domain.project.LabelSchema schema) {
        return WHEN.format(c.changedAt()) + "  " + c.changedBy() + ": " + Labels.label(c.oldLabel(), schema) + " \u2192 "
                + Labels.label(c.newLabel(), schema) + (c.newSource() == null ? "" : " (" + Labels.source(c.newSource()) + ")")
                + (c.undoOf() == null ? "" : "  [undo]");
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label wrapping(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }
}

package org.quotelab.ui.review;

import java.util.function.DoubleSupplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.quotelab.domain.quote.QuoteRow;

/** P(in-topic) as a small bar with a tick at the stage-1 threshold and a percentage: readable at a glance. */
final class ProbabilityCell extends TableCell<QuoteRow, Double> {
    static final double BAR_WIDTH = 60;
    private final Region fill = new Region();
    private final Region tick = new Region();
    private final Pane track = new Pane(fill, tick);
    private final Label value = new Label();
    private final HBox box = new HBox(6, track, value);
    private final DoubleSupplier threshold;

    ProbabilityCell(DoubleSupplier threshold) {
        this.threshold = threshold;
        track.getStyleClass().add("p-track");
        fill.getStyleClass().add("p-fill");
        tick.getStyleClass().add("p-tick");
        track.setMinSize(BAR_WIDTH, 10);
        track.setPrefSize(BAR_WIDTH, 10);
        track.setMaxSize(BAR_WIDTH, 10);
        // placed by hand in updateItem: a managed child would be resized to its (zero) preferred size
        fill.setManaged(false);
        tick.setManaged(false);
        value.getStyleClass().add("p-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        box.setAlignment(Pos.CENTER_LEFT);
        setText(null);
    }

    @Override
    protected void updateItem(Double p, boolean empty) {
        super.updateItem(p, empty);
        if (empty) {
            setGraphic(null);
            setText(null);
            return;
        }
        if (p == null) {
            setGraphic(null);
            setText("\u2014"); // the Predicted column says "not scored"
            if (!getStyleClass().contains("not-scored")) {
                getStyleClass().add("not-scored");
            }
            return;
        }
        getStyleClass().remove("not-scored");
        setText(null);
        double t = threshold.getAsDouble();
        fill.resizeRelocate(0, 0, BAR_WIDTH * Math.max(0, Math.min(1, p)), 10);
        tick.resizeRelocate(BAR_WIDTH * t - 1, -2, 2, 14);
        fill.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("above"), p >= t);
        value.setText(Labels.percent(p));
        setGraphic(box);
    }
}

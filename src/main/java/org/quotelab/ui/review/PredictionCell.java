package org.quotelab.ui.review;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.QuoteRow;

/**
 * What the cascade decided for a quote, as a tag in the decision's own style, and its confidence
 * as a percentage with a bar: "out-of-topic" (stage 1 stopped it), "not pertinent" (stage 2's
 * class 0) or the topic. Below 50% the tag reads as unsure; the tooltip says how each stage voted.
 */
final class PredictionCell extends TableCell<QuoteRow, Prediction> {
    static final double BAR_WIDTH = 48;
    /** The styles of the three kinds of decision, and of an unsure one. */
    static final List<String> STYLES = List.of("decision-out", "decision-class0", "decision-topic", "decision-unsure");

    private final Label tag = new Label();
    private final Region fill = new Region();
    private final Pane track = new Pane(fill);
    private final Label percent = new Label();
    private final HBox box = new HBox(6, tag, track, percent);
    private final DoubleSupplier threshold;
    private final Supplier<LabelSchema> schema;

    PredictionCell(DoubleSupplier threshold) {
        this(threshold, () -> LabelSchema.EMPTY);
    }

    PredictionCell(DoubleSupplier threshold, Supplier<LabelSchema> schema) {
        this.schema = schema;
        this.threshold = threshold;
        tag.getStyleClass().add("decision");
        tag.setMinWidth(Region.USE_PREF_SIZE);
        track.getStyleClass().add("p-track");
        fill.getStyleClass().add("c-fill");
        track.setMinSize(BAR_WIDTH, 8);
        track.setPrefSize(BAR_WIDTH, 8);
        track.setMaxSize(BAR_WIDTH, 8);
        fill.setManaged(false);
        percent.getStyleClass().add("p-value");
        percent.setMinWidth(Region.USE_PREF_SIZE);
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(Prediction p, boolean empty) {
        super.updateItem(p, empty);
        tag.getStyleClass().removeAll(STYLES);
        if (empty) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        if (p == null) {
            setGraphic(null);
            setText(Labels.NOT_SCORED);
            setTooltip(null);
            return;
        }
        setText(null);
        Decision d = Decision.of(p, threshold.getAsDouble(), schema.get());
        tag.setText(d.text());
        tag.getStyleClass().add(d.style());
        if (p.confidence() < 0.5) {
            tag.getStyleClass().add("decision-unsure");
        }
        fill.resizeRelocate(0, 0, BAR_WIDTH * Math.max(0, Math.min(1, p.confidence())), 8);
        percent.setText(Labels.percent(p.confidence()));
        setTooltip(new Tooltip(d.explanation()));
        setGraphic(box);
    }

    /** A stored prediction read as the cascade's decision. */
    record Decision(String text, String style, String explanation) {

        static Decision of(Prediction p, double threshold) {
            return of(p, threshold, LabelSchema.EMPTY);
        }

        static Decision of(Prediction p, double threshold, LabelSchema schema) {
            String stage1 = String.format(Locale.ROOT, "Stage 1: P(in-topic) %s, threshold %s", Labels.percent(p.pInTopic()),
                    Labels.percent(threshold));
            String confidence = "Confidence " + Labels.percent(p.confidence())
                    + " (the probability both stages give this decision)";
            if (p.predictedLabel() == 1) {
                String topic = p.predictedTopic() == null ? "in-topic" : schema.name(p.predictedTopic());
                return new Decision(topic, "decision-topic", stage1 + ": passed.\nStage 2: " + topic + ".\n" + confidence);
            }
            if (p.pInTopic() < threshold) {
                return new Decision("out-of-topic", "decision-out", stage1 + ": stopped here.\n" + confidence);
            }
            return new Decision("not pertinent", "decision-class0",
                    stage1 + ": passed.\nStage 2: class 0, not pertinent to any topic.\n" + confidence);
        }
    }
}

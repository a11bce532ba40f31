package org.quotelab.ui.review;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.project.TopicDef;

/** Review's key legend: exactly what each key does, each topic's schema key in the topic's colour. */
final class KeyLegend {
    private final FlowPane legend = new FlowPane(14, 4);

    KeyLegend() {
        legend.setId("review-legend");
        legend.getStyleClass().add("legend");
        legend.setPadding(new Insets(4, 10, 4, 10));
        legend.setAlignment(Pos.CENTER_LEFT);
    }

    Node root() {
        return legend;
    }

    /** The schema's key of every topic, in schema order, then the keys every schema has. */
    void fill(LabelSchema schema) {
        legend.getChildren().clear();
        for (TopicDef t : schema.topics()) {
            if (t.hotkey() != null) {
                Node k = key(t.hotkey().toUpperCase(java.util.Locale.ROOT), t.name());
                k.setStyle("-fx-border-color: transparent transparent " + t.colour() + " transparent;"
                        + " -fx-border-width: 0 0 3 0;");
                k.setId("legend-key-" + t.hotkey());
                legend.getChildren().add(k);
            }
        }
        legend.getChildren().addAll(key("0", "out-of-topic"), key("Enter", "accept prediction"),
                key("\u2191\u2193", "move"), key("Ctrl+Z", "undo"));
    }

    private static Node key(String key, String meaning) {
        Label k = new Label(key);
        k.getStyleClass().add("key-cap");
        HBox h = new HBox(4, k, new Label(meaning));
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }
}

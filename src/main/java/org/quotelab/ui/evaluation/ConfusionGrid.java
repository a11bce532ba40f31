package org.quotelab.ui.evaluation;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.quotelab.domain.metrics.ConfusionMatrix;

/**
 * The confusion matrix as a heat map of labelled cells: rows are true classes, columns predicted
 * ones. A cell's colour is its share of the row, so small classes are as readable as big ones; its
 * count is always printed. A cell with quotes opens them in Review when clicked.
 */
final class ConfusionGrid {
    /** Called with (true class, predicted class). */
    interface CellAction {
        void open(int trueClass, int predictedClass);
    }

    private static final Color EMPTY = Color.web("#f4f6f8");
    private static final Color FULL = Color.web("#1f5fa8");
    /** Errors in their own hue, so that a 5 % confusion is seen next to a 90 % diagonal. */
    private static final Color ERROR = Color.web("#c2410c");

    private ConfusionGrid() {
    }

    /** Cells get the ids {@code <idPrefix>-<row>-<column>}. */
    static GridPane of(ConfusionMatrix m, String idPrefix, java.util.function.UnaryOperator<String> name,
                       CellAction action) {
        GridPane grid = new GridPane();
        grid.setHgap(2);
        grid.setVgap(2);
        grid.getStyleClass().add("confusion-grid");
        List<String> labels = m.labels();
        Label corner = new Label("true \u2193  predicted \u2192");
        corner.setStyle("-fx-font-size: 10px; -fx-text-fill: #555;");
        grid.add(corner, 0, 0);
        for (int j = 0; j < labels.size(); j++) {
            grid.add(header(name.apply(labels.get(j))), j + 1, 0);
        }
        double[][] share = m.rowNormalized();
        double worst = worstError(share);
        for (int i = 0; i < labels.size(); i++) {
            grid.add(header(name.apply(labels.get(i))), 0, i + 1);
            for (int j = 0; j < labels.size(); j++) {
                grid.add(cell(m, name, share[i][j], i, j, idPrefix, action, colour(share[i][j], i == j, worst)), j + 1, i + 1);
            }
        }
        return grid;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 0 4 0 4;");
        l.setMaxWidth(140);
        return l;
    }

    /** The largest off-diagonal row share: the most common confusion gets the full error colour. */
    static double worstError(double[][] share) {
        double worst = 0;
        for (int i = 0; i < share.length; i++) {
            for (int j = 0; j < share[i].length; j++) {
                if (i != j) {
                    worst = Math.max(worst, share[i][j]);
                }
            }
        }
        return worst;
    }

    /**
     * Row-normalised colour: the diagonal in blue by its share of the row (recall); errors in
     * orange, scaled to the worst confusion (square root, so that small ones still show) and
     * never paler than a visible tint.
     */
    static Color colour(double share, boolean diagonal, double worstError) {
        if (diagonal) {
            return EMPTY.interpolate(FULL, share);
        }
        if (share <= 0 || worstError <= 0) {
            return EMPTY;
        }
        return EMPTY.interpolate(ERROR, Math.max(0.18, Math.sqrt(share / worstError)));
    }

    private static Label cell(ConfusionMatrix m, java.util.function.UnaryOperator<String> name, double share, int i, int j, String idPrefix, CellAction action,
                              Color bg) {
        long n = m.count(i, j);
        Label l = new Label(String.valueOf(n));
        l.setId(idPrefix + "-" + i + "-" + j);
        l.setMinSize(56, 34);
        l.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE); // fill the column however wide its header is
        l.setAlignment(Pos.CENTER);
        // dark cells get white digits so every count stays readable
        String fg = bg.getBrightness() < 0.6 ? "white" : "#1a1a1a";
        l.setStyle(String.format(Locale.ROOT, "-fx-background-color: %s; -fx-text-fill: %s; -fx-font-weight: %s;",
                web(bg), fg, i == j ? "bold" : "normal"));
        l.setTooltip(new Tooltip(String.format(Locale.ROOT, "true %s, predicted %s: %d quotes (%.1f %% of the row)%s",
                name.apply(m.labels().get(i)), name.apply(m.labels().get(j)), n, 100 * share, n > 0 ? "\nclick to review them" : "")));
        if (n > 0) {
            l.setCursor(Cursor.HAND);
            l.setOnMouseClicked(e -> action.open(i, j));
        }
        return l;
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}

package org.quotelab.ui.monitoring;

import javafx.scene.control.TableCell;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.drift.Severity;

/** The short drift verdict the Data view's batch table shows, from the stored figures. */
public final class DriftBadge {
    public static final String NONE = "\u2014";
    public static final String QUIET = "ok";
    public static final String INPUT = "\u26a0 input drift";
    public static final String SHIFT = "\u26a0 shift";

    private DriftBadge() {
    }

    /**
     * The batch's severity ("⚠ moderate drift"), "ok" when nothing moved enough, a dash when the
     * batch was never checked. Figures stored before severities existed keep the old wording.
     */
    public static String text(BatchDrift d, double alpha) {
        if (d == null) {
            return NONE;
        }
        if (d.severity() != null) {
            return d.severity() == Severity.NONE ? QUIET : "\u26a0 " + d.severity().label() + " drift";
        }
        if (d.mmdPValue() < alpha) {
            return INPUT;
        }
        return d.alert() ? SHIFT : QUIET;
    }

    /** A table cell that colours alert badges. */
    public static <S> TableCell<S, String> cell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("drift-alert");
                if (!empty && item != null && item.startsWith("\u26a0")) {
                    getStyleClass().add("drift-alert");
                }
            }
        };
    }
}

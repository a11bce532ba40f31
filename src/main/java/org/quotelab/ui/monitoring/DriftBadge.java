package org.quotelab.ui.monitoring;

import javafx.scene.control.TableCell;
import org.quotelab.domain.drift.BatchDrift;

/** The short drift verdict the Data view's batch table shows, from the stored figures. */
public final class DriftBadge {
    public static final String NONE = "\u2014";
    public static final String QUIET = "ok";
    public static final String INPUT = "\u26a0 input drift";
    public static final String SHIFT = "\u26a0 shift";

    private DriftBadge() {
    }

    /** Input drift (the embedding test) outranks the other alerts; a batch never checked shows a dash. */
    public static String text(BatchDrift d, double alpha) {
        if (d == null) {
            return NONE;
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

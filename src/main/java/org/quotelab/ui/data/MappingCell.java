package org.quotelab.ui.data;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import org.quotelab.domain.imports.QuoteField;

/** An always-visible field chooser: the mapping is edited in one click, not by entering edit mode. */
final class MappingCell extends TableCell<MappingRow, QuoteField> {
    private final ComboBox<QuoteField> box = new ComboBox<>(FXCollections.observableArrayList(QuoteField.values()));
    private static final javafx.css.PseudoClass UNMAPPED = javafx.css.PseudoClass.getPseudoClass("unmapped");
    private MappingRow bound;

    MappingCell() {
        box.setPromptText("choose a field");
        box.setMaxWidth(Double.MAX_VALUE);
        // the box stays in the scene and is only hidden on empty rows: taking it out and putting it
        // back on every relayout re-runs CSS over its whole subtree, a visible stall on large imports
        box.setVisible(false);
        setGraphic(box);
    }

    @Override
    protected void updateItem(QuoteField item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            box.valueProperty().unbindBidirectional(bound.fieldProperty());
            bound = null;
        }
        MappingRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
        box.setVisible(row != null);
        if (row == null) {
            return;
        }
        bound = row;
        box.valueProperty().bindBidirectional(row.fieldProperty());
        box.pseudoClassStateChanged(UNMAPPED, item == null);
    }
}

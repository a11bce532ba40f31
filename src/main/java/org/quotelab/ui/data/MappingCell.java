package org.quotelab.ui.data;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import org.quotelab.domain.quote.QuoteField;

/** An always-visible field chooser: the mapping is edited in one click, not by entering edit mode. */
final class MappingCell extends TableCell<MappingRow, QuoteField> {
    private final ComboBox<QuoteField> box = new ComboBox<>(FXCollections.observableArrayList(QuoteField.values()));
    private MappingRow bound;

    MappingCell() {
        box.setPromptText("choose a field");
        box.setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    protected void updateItem(QuoteField item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            box.valueProperty().unbindBidirectional(bound.fieldProperty());
            bound = null;
        }
        MappingRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (row == null) {
            setGraphic(null);
            return;
        }
        bound = row;
        box.valueProperty().bindBidirectional(row.fieldProperty());
        box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unmapped"), item == null);
        setGraphic(box);
    }
}

package org.quotelab.ui.data;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.quotelab.domain.imports.QuoteField;

/** One line of the wizard's column mapping: a file column and the field the user maps it to. */
public final class MappingRow {
    private final String column;
    private final String sample;
    private final ObjectProperty<QuoteField> field;

    public MappingRow(String column, String sample, QuoteField suggested) {
        this.column = column;
        this.sample = sample;
        this.field = new SimpleObjectProperty<>(suggested);
    }

    public String column() {
        return column;
    }

    public String sample() {
        return sample;
    }

    public ObjectProperty<QuoteField> fieldProperty() {
        return field;
    }
}

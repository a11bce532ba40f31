package org.quotelab.service.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.imports.QuoteField;

/**
 * The first rows of a file as the import wizard shows them, with the field each column would be
 * imported as. {@code suggested} has an entry per header column, in header order; null values are
 * columns the importer does not recognise and the user must map. {@code hasGroupColumn}: the file
 * can be split into one batch per group.
 */
public record ImportPreview(Path file, List<String> header, List<List<String>> rows,
        Map<String, QuoteField> suggested, boolean hasGroupColumn, String suggestedDay) {
}

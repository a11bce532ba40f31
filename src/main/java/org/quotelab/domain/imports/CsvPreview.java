package org.quotelab.domain.imports;

import java.util.List;
import java.util.Map;

/**
 * The first rows of a file for the import wizard, with the mapping the importer would use for the
 * columns it recognises (unrecognised columns are absent from {@code suggested}).
 */
public record CsvPreview(List<String> header, List<List<String>> rows, Map<String, QuoteField> suggested) {
}

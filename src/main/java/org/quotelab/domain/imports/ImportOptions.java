package org.quotelab.domain.imports;

import java.util.Map;

/**
 * How to import one CSV file. {@code day}: the day the batch represents (null = the file name
 * without extension). {@code splitGroups}: with a group column, one batch per group in file order,
 * named by the group. {@code mapping}: explicit column -> field choices for columns the importer
 * does not recognise (or to override it). {@code author}: recorded as the editor of imported labels.
 */
public record ImportOptions(String day, boolean splitGroups, Map<String, QuoteField> mapping, String author) {

    public ImportOptions {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        author = author == null ? "import" : author;
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, false, Map.of(), "import");
    }

    public ImportOptions withDay(String d) {
        return new ImportOptions(d, splitGroups, mapping, author);
    }

    public ImportOptions withSplitGroups(boolean split) {
        return new ImportOptions(day, split, mapping, author);
    }

    public ImportOptions withMapping(Map<String, QuoteField> m) {
        return new ImportOptions(day, splitGroups, m, author);
    }
}

package org.quotelab.domain.imports;

import java.util.Map;

/**
 * How to import one CSV file. {@code day}: the day the batch represents (null = the file name
 * without extension). {@code splitGroups}: with a group column, one batch per group in file order,
 * named by the group. {@code mapping}: explicit column -> field choices for columns the importer
 * does not recognise (or to override it). {@code author}: recorded as the editor of imported labels.
 * {@code addTopics}: whether topics the project's label schema does not have yet join it; when
 * false and the schema has topics already, such a file is refused with an
 * {@link UnknownTopicsException} listing them (a first labelled file always defines the schema).
 * {@code topicMap}: file topic -> topic of the schema, applied before that check.
 */
public record ImportOptions(String day, boolean splitGroups, Map<String, QuoteField> mapping, String author,
        boolean addTopics, Map<String, String> topicMap) {

    public ImportOptions {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        author = author == null ? "import" : author;
        topicMap = topicMap == null ? Map.of() : Map.copyOf(topicMap);
    }

    /** Adds new topics to the schema, as imports did before projects had schemas of their own. */
    public ImportOptions(String day, boolean splitGroups, Map<String, QuoteField> mapping, String author) {
        this(day, splitGroups, mapping, author, true, Map.of());
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, false, Map.of(), "import");
    }

    public ImportOptions withDay(String d) {
        return new ImportOptions(d, splitGroups, mapping, author, addTopics, topicMap);
    }

    public ImportOptions withSplitGroups(boolean split) {
        return new ImportOptions(day, split, mapping, author, addTopics, topicMap);
    }

    public ImportOptions withMapping(Map<String, QuoteField> m) {
        return new ImportOptions(day, splitGroups, m, author, addTopics, topicMap);
    }

    /** {@code add} false: refuse a file with topics the schema does not have (unless mapped). */
    public ImportOptions withAddTopics(boolean add) {
        return new ImportOptions(day, splitGroups, mapping, author, add, topicMap);
    }

    public ImportOptions withTopicMap(Map<String, String> map) {
        return new ImportOptions(day, splitGroups, mapping, author, addTopics, map);
    }
}

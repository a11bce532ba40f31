package org.quotelab.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.QuoteField;

/**
 * Maps the header of a file to quote fields. The seed's columns and those of the shared benchmark
 * are recognised by name; any other column must be mapped explicitly, so a typo in a header is an
 * error rather than silently lost data.
 */
public final class ColumnMapping {
    private static final Map<String, QuoteField> KNOWN = Map.ofEntries(
            Map.entry("unnamed: 0", QuoteField.IGNORED),
            Map.entry("sbert_embedding", QuoteField.IGNORED),
            Map.entry("label_source", QuoteField.IGNORED),
            // seed exports may carry the day of the review; batches have their own day
            Map.entry("date", QuoteField.IGNORED),
            Map.entry("quote_id", QuoteField.EXTERNAL_ID),
            Map.entry("quote_text", QuoteField.TEXT),
            Map.entry("processed_text", QuoteField.TEXT),
            Map.entry("label", QuoteField.LABEL),
            Map.entry("topic", QuoteField.TOPIC),
            Map.entry("topic_id", QuoteField.TOPIC),
            Map.entry("topic_name", QuoteField.TOPIC_NAME),
            Map.entry("group", QuoteField.GROUP),
            Map.entry("country_id", QuoteField.COUNTRY_ID),
            Map.entry("country_name", QuoteField.COUNTRY_NAME),
            Map.entry("product_id", QuoteField.PRODUCT_ID),
            Map.entry("product_category", QuoteField.PRODUCT_CATEGORY),
            Map.entry("review_id", QuoteField.REVIEW_ID),
            Map.entry("review_text", QuoteField.REVIEW_TEXT));

    private final List<String> header;
    private final Map<QuoteField, Integer> index;
    private final int originalTextIndex;

    private ColumnMapping(List<String> header, Map<QuoteField, Integer> index, int originalTextIndex) {
        this.header = header;
        this.index = index;
        this.originalTextIndex = originalTextIndex;
    }

    /** Builds the mapping or throws an {@link ImportException} naming the offending column (line 1). */
    public static ColumnMapping of(String file, List<String> header, Map<String, QuoteField> explicit) {
        // a missing required column says so first: otherwise a file whose text column has an
        // unexpected name is refused for its first unrecognised column, which misleads
        requireColumn(file, header, explicit, QuoteField.TEXT, "quote_text' or 'processed_text");
        requireColumn(file, header, explicit, QuoteField.EXTERNAL_ID, "quote_id");
        Map<QuoteField, Integer> index = new EnumMap<>(QuoteField.class);
        int quoteTextIndex = autoIndex(header, explicit, "quote_text");
        int processedTextIndex = autoIndex(header, explicit, "processed_text");
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            QuoteField field = fieldOf(header, explicit, i);
            if (field == null) {
                throw error(file, i, header, name.isBlank()
                        ? "the column has no name; give it one or map it"
                        : "unknown column '" + name + "': map it to a field or to IGNORED");
            }
            // with both text columns processed_text is the text the models read; quote_text, the
            // original, is kept beside it (and is the text where processed_text is empty)
            if (field == QuoteField.IGNORED || i == quoteTextIndex && processedTextIndex >= 0) {
                continue;
            }
            Integer previous = index.put(field, i);
            if (previous != null) {
                throw error(file, i, header, "column '" + name + "' maps to " + field
                        + ", like column '" + header.get(previous) + "' before it");
            }
        }
        int original = processedTextIndex >= 0 && quoteTextIndex >= 0 ? quoteTextIndex : -1;
        return new ColumnMapping(List.copyOf(header), index, original);
    }

    private static QuoteField fieldOf(List<String> header, Map<String, QuoteField> explicit, int i) {
        String name = header.get(i);
        QuoteField field = explicit.get(name);
        if (field == null) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            field = key.isEmpty() && i == 0 ? QuoteField.IGNORED : KNOWN.get(key);
        }
        return field;
    }

    private static void requireColumn(String file, List<String> header, Map<String, QuoteField> explicit,
            QuoteField required, String names) {
        for (int i = 0; i < header.size(); i++) {
            if (fieldOf(header, explicit, i) == required) {
                return;
            }
        }
        throw new ImportException(new ImportError(file, 1, null, "missing required column for " + required
                + ": no column is named '" + names + "' (the header has " + header.size() + " column"
                + (header.size() == 1 ? "" : "s") + "); rename the column or map it to " + required));
    }

    private static int autoIndex(List<String> header, Map<String, QuoteField> explicit, String key) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!explicit.containsKey(name) && key.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static ImportException error(String file, int i, List<String> header, String message) {
        return new ImportException(new ImportError(file, 1, describe(header, i), message));
    }

    static String describe(List<String> header, int i) {
        return i < header.size() ? (i + 1) + " '" + header.get(i) + "'" : String.valueOf(i + 1);
    }

    /** Column index of a field, or -1 when the file has no such column. */
    public int indexOf(QuoteField field) {
        Integer i = index.get(field);
        return i == null ? -1 : i;
    }

    /** The quote_text column when processed_text is the text; -1 when the file has one text column. */
    public int originalTextIndex() {
        return originalTextIndex;
    }

    public int width() {
        return header.size();
    }

    public List<String> header() {
        return header;
    }

    /** "3 'label'": how messages name a column. */
    public String describe(int i) {
        return describe(header, i);
    }

    /** The field each recognised column maps to, for the import wizard's pre-filled mapping. */
    public static QuoteField suggest(String columnName) {
        return KNOWN.get(columnName.trim().toLowerCase(Locale.ROOT));
    }
}

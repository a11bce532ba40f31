package org.quotelab.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads quotes for train / evaluate / predict straight from a CSV file with a header row. The
 * store's importer is for the app's database; these commands work on files alone.
 */
public final class QuoteCsv {

    /** One row: the text, its label ("" when the column is absent or empty) and its 1-based row number. */
    public record Row(String text, String label, long line) {
    }

    private QuoteCsv() {
    }

    /**
     * @param labelColumn  null to read texts only
     * @param filterColumn null to keep every row, else keep rows whose value is in {@code keep}
     */
    public static List<Row> read(Path file, String textColumn, String labelColumn, String filterColumn, Set<String> keep)
            throws IOException {
        if (filterColumn != null && (keep == null || keep.isEmpty())) {
            throw new IllegalArgumentException("values to keep are required with a filter column (" + filterColumn + ")");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Row> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            require(parser, textColumn, file);
            if (labelColumn != null) {
                require(parser, labelColumn, file);
            }
            if (filterColumn != null) {
                require(parser, filterColumn, file);
            }
            for (CSVRecord r : parser) {
                if (filterColumn != null && !keep.contains(r.get(filterColumn).trim())) {
                    continue;
                }
                String label = labelColumn == null ? "" : r.get(labelColumn).trim();
                rows.add(new Row(r.get(textColumn), label, r.getRecordNumber() + 1));
            }
        }
        return rows;
    }

    private static void require(CSVParser parser, String column, Path file) {
        if (!parser.getHeaderMap().containsKey(column)) {
            throw new IllegalArgumentException(file + " has no column '" + column + "' (columns: "
                    + parser.getHeaderNames() + ")");
        }
    }

    public static List<String> texts(List<Row> rows) {
        return rows.stream().map(Row::text).toList();
    }

    public static List<String> labels(List<Row> rows) {
        return rows.stream().map(Row::label).toList();
    }

    /** Rows without a label (out-of-topic rows of a topic column) are not training material. */
    public static List<Row> labelled(List<Row> rows) {
        return rows.stream().filter(r -> !r.label().isEmpty()).toList();
    }
}

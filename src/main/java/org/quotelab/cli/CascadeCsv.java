package org.quotelab.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.quotelab.domain.cascade.LabelledText;
import picocli.CommandLine.Option;

/** Options and reader for the labelled CSV files of the cascade commands (seed or benchmark columns). */
final class CascadeCsv {

    @Option(names = "--data", required = true, description = "A labelled quote CSV.")
    Path data;
    @Option(names = "--text-column", description = "Default: processed_text when present, else quote_text.")
    String textColumn;
    @Option(names = "--label-column", defaultValue = "label", description = "1 in-topic, 0 out-of-topic.")
    String labelColumn;
    @Option(names = "--topic-column", description = "Default: topic when present, else topic_id.")
    String topicColumn;
    @Option(names = "--filter-column", description = "Keep only rows whose value here is one of --values.")
    String filterColumn;
    @Option(names = "--values", split = ",")
    Set<String> values;

    /** Labelled rows in file order; unlabelled rows are skipped. */
    List<LabelledText> read() throws IOException {
        if (filterColumn != null && (values == null || values.isEmpty())) {
            throw new IllegalArgumentException("--values is required with --filter-column");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<LabelledText> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(data, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            Map<String, Integer> header = p.getHeaderMap();
            String text = pick(header, textColumn, "processed_text", "quote_text");
            String topic = pick(header, topicColumn, "topic", "topic_id");
            require(header, labelColumn);
            if (filterColumn != null) {
                require(header, filterColumn);
            }
            for (CSVRecord rec : p) {
                if (filterColumn != null && !values.contains(rec.get(filterColumn))) {
                    continue;
                }
                String label = rec.get(labelColumn).trim();
                if (label.isEmpty()) {
                    continue;
                }
                if (!label.equals("0") && !label.equals("1")) {
                    throw new IllegalArgumentException(where(rec, header, labelColumn) + ": label must be 0 or 1, got '" + label + "'");
                }
                boolean in = label.equals("1");
                String t = rec.get(topic).trim();
                if (in && t.isEmpty()) {
                    throw new IllegalArgumentException(where(rec, header, topic) + ": an in-topic row needs a topic");
                }
                out.add(new LabelledText(rec.get(text), in, in ? t : null));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(data + ": no labelled rows" + (filterColumn == null ? "" : " with " + filterColumn + " in " + values));
        }
        return out;
    }

    private String where(CSVRecord rec, Map<String, Integer> header, String column) {
        return data + ", line " + rec.getParser().getCurrentLineNumber() + ", column " + (header.get(column) + 1)
                + " (" + column + ")";
    }

    private String pick(Map<String, Integer> header, String chosen, String first, String second) {
        if (chosen != null) {
            require(header, chosen);
            return chosen;
        }
        if (header.containsKey(first)) {
            return first;
        }
        require(header, second);
        return second;
    }

    private void require(Map<String, Integer> header, String column) {
        if (!header.containsKey(column)) {
            throw new IllegalArgumentException(data + ", line 1: no column '" + column + "' in " + header.keySet());
        }
    }
}

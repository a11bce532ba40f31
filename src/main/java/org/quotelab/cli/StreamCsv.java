package org.quotelab.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.quotelab.domain.quote.ValidationSplit;
import org.quotelab.service.continual.LabelledQuote;
import org.quotelab.service.continual.StreamBatch;

/**
 * Reads a labelled stream for stream-eval: one CSV with a batch column (groups in order of first
 * appearance, each optionally cut into consecutive slices), or a folder whose CSV files, in name
 * order, are the batches. Validation parts follow the store's rule (a hash of the quote id).
 */
final class StreamCsv {

    /** One row before it becomes a batch member. */
    private record Row(String group, String id, String text, String label, String topic) {
    }

    private StreamCsv() {
    }

    /**
     * @param task   "binary" (label column) or "topic" (in-topic rows, topic as class)
     * @param limit  at most this many rows per batch (0 = all), evenly spaced, for quick runs
     */
    static List<StreamBatch> read(Path data, String batchColumn, int slices, String task, int limit)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.list(data)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    String name = f.getFileName().toString().replaceFirst("\\.csv$", "");
                    rows.addAll(readFile(f, null, name));
                }
            }
        } else {
            rows.addAll(readFile(data, batchColumn, null));
        }
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r));
        List<StreamBatch> batches = new ArrayList<>();
        long[] nextId = {1};
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            List<Row> members = g.getValue();
            for (int s = 0; s < slices; s++) {
                List<Row> part = members.subList(members.size() * s / slices, members.size() * (s + 1) / slices);
                if (limit > 0 && part.size() > limit) {
                    part = spread(part, limit);
                }
                String name = slices == 1 ? g.getKey() : g.getKey() + "#" + (s + 1);
                batches.add(toBatch(name, part, task, nextId));
            }
        }
        return batches;
    }

    /** Every k-th row, so a limited batch still spans the whole group in order. */
    private static List<Row> spread(List<Row> rows, int limit) {
        List<Row> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            out.add(rows.get((int) ((long) i * rows.size() / limit)));
        }
        return out;
    }

    private static StreamBatch toBatch(String name, List<Row> part, String task, long[] nextId) {
        List<LabelledQuote> train = new ArrayList<>();
        List<LabelledQuote> valid = new ArrayList<>();
        for (Row r : part) {
            long id = nextId[0]++;
            String label;
            if ("topic".equals(task)) {
                if (!"1".equals(r.label()) || r.topic().isEmpty()) {
                    continue;
                }
                label = r.topic();
            } else {
                label = r.label();
            }
            LabelledQuote q = new LabelledQuote(id, r.text(), label);
            (ValidationSplit.isValidation(r.id()) ? valid : train).add(q);
        }
        return new StreamBatch(name, train, valid);
    }

    private static List<Row> readFile(Path file, String batchColumn, String fixedGroup) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Row> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, format)) {
            Map<String, Integer> h = p.getHeaderMap();
            String text = h.containsKey("processed_text") ? "processed_text" : "quote_text";
            String topic = h.containsKey("topic") ? "topic" : "topic_id";
            for (String col : List.of(text, topic, "label", "quote_id")) {
                if (!h.containsKey(col)) {
                    throw new IllegalArgumentException(file + ": no column '" + col + "' in " + h.keySet());
                }
            }
            if (fixedGroup == null && !h.containsKey(batchColumn)) {
                throw new IllegalArgumentException(file + ": no batch column '" + batchColumn + "' in " + h.keySet());
            }
            for (CSVRecord r : p) {
                String label = r.get("label").trim();
                if (label.isEmpty()) {
                    continue;
                }
                out.add(new Row(fixedGroup != null ? fixedGroup : r.get(batchColumn).trim(), r.get("quote_id"),
                        r.get(text), label, r.get(topic).trim()));
            }
        }
        return out;
    }
}

package org.quotelab.cli.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The quotes {@code bench drift} streams: one CSV, or a folder of day files (sample-data/) where
 * each file is a day. Each quote's class is the cascade's: "0" when its label is 0 (out of topic),
 * else its topic.
 */
final class DriftBenchData {

    static final Path DEFAULT = Path.of("sample-data");
    static final String OUT_OF_TOPIC = "0";

    /** One quote; {@code day} is its file's position (1-based), 0 for a single file; {@code id} its read order. */
    record Quote(int id, String text, String cls, int day) {
    }

    private DriftBenchData() {
    }

    static Path resolve(Path data) throws IOException {
        Path p = data != null ? data : DEFAULT;
        if (!Files.exists(p)) {
            throw new IOException(data == null ? "no --data given and no " + DEFAULT + " here: pass --data FILE"
                    : "no such file or folder: " + p);
        }
        return p;
    }

    /** The day files of a folder in name order, or the one file. */
    static List<Path> files(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return List.of(data);
        }
        try (Stream<Path> s = Files.list(data)) {
            List<Path> csv = s.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
            if (csv.isEmpty()) {
                throw new IOException(data + " holds no .csv files");
            }
            return csv;
        }
    }

    /**
     * @param textColumn  null: processed_text when present (the importer's choice), else quote_text
     * @param topicColumn null: topic_id when present, else topic
     */
    static List<Quote> read(List<Path> files, String textColumn, String labelColumn, String topicColumn)
            throws IOException {
        List<Quote> out = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(in, format)) {
                String text = column(parser, file, textColumn, "processed_text", "quote_text");
                String label = column(parser, file, labelColumn, labelColumn, labelColumn);
                String topic = column(parser, file, topicColumn, "topic_id", "topic");
                for (CSVRecord r : parser) {
                    String l = r.get(label).trim();
                    if (l.isEmpty()) {
                        throw new IOException(file + " line " + (r.getRecordNumber() + 1) + ", column " + label
                                + ": empty label");
                    }
                    String cls = "0".equals(l) ? OUT_OF_TOPIC : r.get(topic).trim();
                    out.add(new Quote(out.size(), r.get(text), cls, files.size() == 1 ? 0 : f + 1));
                }
            }
        }
        return out;
    }

    private static String column(CSVParser parser, Path file, String given, String first, String second) {
        for (String c : given != null ? List.of(given) : List.of(first, second)) {
            if (parser.getHeaderMap().containsKey(c)) {
                return c;
            }
        }
        throw new IllegalArgumentException(file + " has no column " + (given != null ? "'" + given + "'"
                : "'" + first + "' or '" + second + "'") + " (columns: " + parser.getHeaderNames() + ")");
    }

    static List<Quote> shuffled(List<Quote> quotes, long seed) {
        List<Quote> copy = new ArrayList<>(quotes);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    /**
     * A batch of {@code size} quotes drawn from {@code pool} (without replacement) in which class
     * {@code cls} makes up {@code share} of the quotes and the other classes keep their proportions.
     */
    static List<Quote> withShare(List<Quote> pool, String cls, double share, int size, long seed) {
        List<Quote> mine = new ArrayList<>();
        List<Quote> rest = new ArrayList<>();
        for (Quote q : shuffled(pool, seed)) {
            (q.cls().equals(cls) ? mine : rest).add(q);
        }
        int k = (int) Math.round(share * size);
        if (k > mine.size() || size - k > rest.size()) {
            throw new IllegalArgumentException("not enough quotes of class " + cls + " for a batch of " + size
                    + " at a share of " + share);
        }
        List<Quote> out = new ArrayList<>(mine.subList(0, k));
        out.addAll(rest.subList(0, size - k));
        return out;
    }

    static double share(List<Quote> quotes, String cls) {
        return quotes.stream().filter(q -> q.cls().equals(cls)).count() / (double) quotes.size();
    }

    /** The most frequent topic (not out-of-topic) of the quotes. */
    static String commonestTopic(List<Quote> quotes) {
        return quotes.stream().map(Quote::cls).filter(c -> !OUT_OF_TOPIC.equals(c))
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}

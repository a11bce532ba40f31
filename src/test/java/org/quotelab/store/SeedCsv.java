package org.quotelab.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes files shaped like the seed pipeline's pandas exports: an index column, float topic ids
 * ("602.0", "0.0" for out-of-topic rows), both text columns, a quoted 384-number sbert_embedding
 * and a date. The text is invented here. Options add a BOM, CRLF line ends and quotes that span
 * lines, and {@link #edit} replaces the cells of one row to make a broken file. {@link #write}
 * returns the physical line each record starts on, which is what import errors must name.
 */
final class SeedCsv {
    static final List<String> HEADER = List.of("Unnamed: 0", "quote_id", "quote_text", "processed_text",
            "label", "topic_id", "sbert_embedding", "date");
    static final int LABEL = 4;
    static final int TOPIC = 5;
    static final int EMBEDDING = 6;

    private static final String[] SUBJECTS = {"The battery", "The screen", "Delivery", "The charger", "Support"};
    private static final String[] VERDICTS = {"died after two days", "is bright, even outdoors",
        "took three weeks", "gets warm", "answered within the hour"};
    private static final int[] TOPICS = {602, 543, 17, 88, 1204};

    boolean bom;
    boolean crlf;
    /** Every n-th row's quote spans three lines (0 = never). */
    int multilineEvery;
    int dims = 384;
    private final List<Integer> editRows = new ArrayList<>();
    private final List<UnaryOperator<List<String>>> edits = new ArrayList<>();

    /** Row {@code row} (0-based data row) gets its cells from {@code edit}. */
    SeedCsv edit(int row, UnaryOperator<List<String>> edit) {
        editRows.add(row);
        edits.add(edit);
        return this;
    }

    /** Writes {@code rows} rows; returns the first physical line of every data record (index = row). */
    long[] write(Path file, int rows) throws IOException {
        long[] lines = new long[rows];
        Random rnd = new Random(rows);
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator(crlf ? "\r\n" : "\n").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, format)) {
            if (bom) {
                w.write('\uFEFF');
            }
            p.printRecord(HEADER);
            long line = 2;
            for (int i = 0; i < rows; i++) {
                List<String> cells = row(i, rnd);
                int e = editRows.indexOf(i);
                if (e >= 0) {
                    cells = edits.get(e).apply(new ArrayList<>(cells));
                }
                lines[i] = line;
                p.printRecord(cells);
                for (String c : cells) {
                    line += c.chars().filter(ch -> ch == '\n').count();
                }
                line++;
            }
        }
        return lines;
    }

    private List<String> row(int i, Random rnd) {
        boolean inTopic = i % 4 != 3;
        String original = SUBJECTS[i % SUBJECTS.length] + " " + VERDICTS[(i / 5) % VERDICTS.length]
                + (inTopic ? "!" : ", anyway we moved house.") + " (#" + i + ")";
        if (multilineEvery > 0 && i % multilineEvery == 1) {
            original = original + "\nSecond line, with \"quotes\".\nThird line";
        }
        String processed = original.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").replaceAll(" +", " ").trim();
        String topic = inTopic ? TOPICS[i % TOPICS.length] + ".0" : "0.0";
        StringBuilder emb = new StringBuilder("[");
        for (int d = 0; d < dims; d++) {
            emb.append(d == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", rnd.nextGaussian() * 0.05));
        }
        emb.append(']');
        return new ArrayList<>(List.of(String.valueOf(i), "s" + i, original, processed, inTopic ? "1" : "0",
                topic, emb.toString(), "2024-03-" + String.format(Locale.ROOT, "%02d", 1 + i % 28)));
    }

    /** The canonical topic of row {@code i} as the store keeps it, or null. */
    static String topicOf(int i) {
        return i % 4 == 3 ? null : String.valueOf(TOPICS[i % TOPICS.length]);
    }
}

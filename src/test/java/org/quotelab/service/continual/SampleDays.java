package org.quotelab.service.continual;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The project's sample-data days, read as the importer does (processed_text). */
final class SampleDays {

    private SampleDays() {
    }

    static List<String> texts(int day) throws IOException {
        Path file = Path.of("sample-data", String.format("day-%02d.csv", day));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<String> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            for (CSVRecord rec : p) {
                out.add(rec.get("processed_text"));
            }
        }
        return out;
    }

    /** processed_text and label ("0" out-of-topic, "1" in-topic) of one day, as pairs. */
    static List<String[]> labelled(int day) throws IOException {
        Path file = Path.of("sample-data", String.format("day-%02d.csv", day));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<String[]> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            for (CSVRecord rec : p) {
                out.add(new String[] {rec.get("processed_text"), rec.get("label")});
            }
        }
        return out;
    }

    /** A fixed stand-in classifier: in-topic when a topic word is present, so predictions follow the topic mix. */
    static float[][] keywordProbabilities(List<String> texts) {
        String[] words = {"battery", "screen", "delivery", "price", "service", "sound", "build", "software", "fit",
            "camera"};
        float[][] p = new float[texts.size()][];
        for (int i = 0; i < p.length; i++) {
            String t = texts.get(i);
            float in = 0.25f;
            for (String w : words) {
                if (t.contains(w)) {
                    in = t.contains("battery") ? 0.97f : 0.85f;
                }
            }
            p[i] = new float[] {1 - in, in};
        }
        return p;
    }
}

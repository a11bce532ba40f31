package org.quotelab.service.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a large seed-format CSV for benchmarks by cycling through the generated sample days and
 * giving every row a unique quote id. Rows look like real ones (lengths, quoting, labels).
 */
public final class BulkSampleWriter {

    public Path write(Path file, long rows, long seed) throws IOException {
        SampleDataGenerator gen = new SampleDataGenerator();
        List<List<String>> pool = new ArrayList<>();
        for (int day = 1; day <= SampleDataGenerator.DAYS; day++) {
            pool.addAll(gen.day(day, seed));
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                        .setHeader(SampleDataGenerator.HEADER.toArray(String[]::new)).get())) {
            List<String> row = new ArrayList<>(SampleDataGenerator.HEADER.size());
            for (long i = 0; i < rows; i++) {
                row.clear();
                row.addAll(pool.get((int) (i % pool.size())));
                row.set(0, Long.toString(i));
                row.set(8, String.format(Locale.ROOT, "b%08d", i));
                p.printRecord(row);
            }
        }
        return file;
    }
}

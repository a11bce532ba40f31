package org.quotelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The quote file of a benchmark: --data, else the project's own first sample day. */
final class BenchData {
    static final Path SAMPLE = Path.of("sample-data", "day-01.csv");

    private BenchData() {
    }

    static Path resolve(Path data) throws IOException {
        if (data != null) {
            if (!Files.isRegularFile(data)) {
                throw new IOException("no quote file at " + data);
            }
            return data;
        }
        if (Files.isRegularFile(SAMPLE)) {
            return SAMPLE;
        }
        throw new IOException("give --data FILE (no " + SAMPLE + " in the current folder)");
    }
}

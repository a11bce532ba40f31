package org.quotelab.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes large valid CSV files in the shared column format for paging, crash and speed tests. */
final class BulkData {

    private BulkData() {
    }

    static Path write(Path file, int rows, String prefix) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(StoreFixture.SHARED_HEADER);
            w.write('\n');
            for (int i = 0; i < rows; i++) {
                int label = i % 5 == 0 ? 0 : 1;
                w.write(prefix + i + ",\"The battery of unit " + i + ", after a week, is fine\","
                        + label + "," + (label == 1 ? "T" + (i % 7) : "") + ",g" + (i / 10_000) + "\n");
            }
        }
        return file;
    }
}

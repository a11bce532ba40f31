package org.quotelab.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The quote file a benchmark runs on when no --data is given. The product ships without any
 * corpus outside the project, so the fallback is the project's own sample-data/ and nothing else.
 */
final class BenchData {
    static final Path DEFAULT = Path.of("sample-data", "day-01.csv");

    private BenchData() {
    }

    static Path resolve(Path data) throws IOException {
        if (data != null) {
            return data;
        }
        if (Files.isRegularFile(DEFAULT)) {
            return DEFAULT;
        }
        throw new IOException("no --data given and no " + DEFAULT + " here: pass --data FILE");
    }
}

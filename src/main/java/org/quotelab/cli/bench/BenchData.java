package org.quotelab.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data} option of the bench commands that read quotes (a picocli mixin), and the file
 * they run on when it is absent. The product ships without any corpus outside the project, so the
 * fallback is the project's own sample-data/ and nothing else.
 */
final class BenchData {
    static final Path DEFAULT = Path.of("sample-data", "day-01.csv");

    @Option(names = "--data", paramLabel = "FILE", description = "Quote CSV (default: sample-data/day-01.csv).")
    Path data;

    /** The file to read: --data, else the project's sample; fails with a clear message when neither exists. */
    Path file() throws IOException {
        if (data != null) {
            return data;
        }
        if (Files.isRegularFile(DEFAULT)) {
            return DEFAULT;
        }
        throw new IOException("no --data given and no " + DEFAULT + " here: pass --data FILE");
    }
}

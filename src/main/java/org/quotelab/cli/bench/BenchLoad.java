package org.quotelab.cli.bench;

import java.io.IOException;
import picocli.CommandLine.Option;

/**
 * The {@code --contend N} option of the bench commands that also time their work under load (a
 * picocli mixin): N cores kept busy by another process during the contended part.
 */
final class BenchLoad {

    @Option(names = "--contend", defaultValue = "0", paramLabel = "N",
            description = "Also time the work while a spinning process keeps N cores busy.")
    int cores;

    boolean wanted() {
        return cores > 0;
    }

    /** Starts the load; close it when the contended part is timed. */
    Contention start() throws IOException {
        return Contention.start(cores);
    }
}

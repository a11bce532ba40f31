package org.quotelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quotelab.service.sample.SampleDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Regenerates the bundled sample data (ten drifting daily batches). */
@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = "Write the synthetic daily sample batches (day-01.csv ... day-10.csv).")
final class SampleDataCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "sample-data", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "" + SampleDataGenerator.DEFAULT_SEED, description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var files = new SampleDataGenerator().generate(out, seed);
        spec.commandLine().getOut().printf("wrote %d files to %s%n", files.size(), out);
        return 0;
    }
}

package org.quotelab.cli.bench;

import picocli.CommandLine.Command;

/** Benchmarks print readable tables, or one JSON object with --json; never run as tests. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure speed and memory; figures are ratios against a baseline run in the same process.",
        subcommands = {BenchInferenceCommand.class, BenchImportCommand.class, BenchTrainCommand.class, BenchSweepCommand.class,
            BenchStepsCommand.class, BenchTokensCommand.class, BenchStabilityCommand.class, BenchUiStallCommand.class,
            BenchUnfamiliarCommand.class, BenchDriftCommand.class,
            BenchFirstRunCommand.class, BenchSessionCommand.class, BenchTeamCommand.class, TeamAnnotator.class})
public final class BenchCommand {
}

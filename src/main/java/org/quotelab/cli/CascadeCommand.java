package org.quotelab.cli;

import picocli.CommandLine.Command;

/** quotelab cascade: the two-stage pipeline from labelled CSVs and stored batches. */
@Command(name = "cascade", mixinStandardHelpOptions = true,
        description = "Train, evaluate, sweep and score the two-stage cascade.",
        subcommands = {CascadeTrainCommand.class, CascadeEvaluateCommand.class, CascadeSweepCommand.class, CascadeScoreCommand.class})
public final class CascadeCommand {
}

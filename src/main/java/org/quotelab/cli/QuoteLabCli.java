package org.quotelab.cli;

import java.io.PrintWriter;
import org.quotelab.ProcessSettings;
import org.quotelab.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: every capability of the app, scriptable and benchmarkable. */
@Command(
        name = "quotelab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "QuoteLab: keep two-stage BERT quote classifiers up to date.",
        subcommands = {BenchCommand.class, ImportCommand.class, ProjectsCommand.class, ExportCommand.class, BatchesCommand.class, AssignCommand.class,
            SampleDataCommand.class, MigrateCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ExportHfCommand.class, CascadeCommand.class,
            StreamEvalCommand.class, UpdateCommand.class, WatchCommand.class, AgreementCommand.class,
            CommandLine.HelpCommand.class})
public final class QuoteLabCli {

    public static void main(String[] args) {
        ProcessSettings.configure();
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; used by the launcher and by tests. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new QuoteLabCli());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        return cmd.execute(args);
    }
}

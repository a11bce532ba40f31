package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quotelab.service.AppHome;
import org.quotelab.service.StoreMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Copies a whole store to another database and prints every table's counts and digests. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy a whole store (every project, every table) into a new, empty store: an H2 file to"
                + " a shared PostgreSQL database, or back. The copy is one transaction; each table's row count"
                + " and digest are compared before it commits, and printed. Exit code 1 when anything differs"
                + " (nothing is then written).",
            "PostgreSQL user and password come from PGUSER/PGPASSWORD, QUOTELAB_DB_USER/QUOTELAB_DB_PASSWORD,"
                + " <data folder>/db.properties or ~/.pgpass, never from the command line."})
final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "PATH|URL",
            description = "the store to copy: an H2 file (with or without .mv.db) or postgresql://host[:port]/database"
                    + " (default: the data folder's store)")
    String from;

    @Option(names = "--home", paramLabel = "DIR",
            description = "data folder whose store is copied when --from is not given, and whose db.properties"
                    + " holds PostgreSQL credentials (default: -Dquotelab.home, QUOTELAB_HOME or ~/.quotelab)")
    Path home;

    @Option(names = "--to", required = true, paramLabel = "URL|PATH",
            description = "the new, empty store: postgresql://host[:port]/database or an H2 file path")
    String to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AppHome data = home != null ? new AppHome(home.toAbsolutePath()) : AppHome.resolve();
        StoreMigration.Result r = new StoreMigration(data).migrate(from, to, line -> { });
        out.printf("%-22s %12s %12s  %-16s %-16s  %s%n", "table", "source rows", "target rows", "source digest",
                "target digest", "check");
        for (StoreMigration.Table t : r.tables()) {
            out.printf("%-22s %,12d %,12d  %-16s %-16s  %s%n", t.name(), t.sourceRows(), t.targetRows(),
                    t.sourceDigest().substring(0, 16), t.targetDigest().substring(0, 16), t.matches() ? "ok" : "MISMATCH");
        }
        if (!r.matches()) {
            spec.commandLine().getErr().printf("error: the copy differs from %s in %d table(s); nothing was written to %s%n",
                    r.from(), r.tables().stream().filter(t -> !t.matches()).count(), r.to());
            return 1;
        }
        if (r.keptFolders() > 0) {
            out.printf("kept %d model folder(s), %,d bytes, in %s for every member of the team%n", r.keptFolders(),
                    r.keptBytes(), r.to());
        }
        out.printf("copied %d tables from %s to %s: every count and digest matches%n", r.tables().size(),
                r.from(), r.to());
        return 0;
    }
}

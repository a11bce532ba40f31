package org.quotelab.cli;

import java.nio.file.Path;
import org.quotelab.service.AppHome;
import org.quotelab.service.StoreSession;
import picocli.CommandLine.Option;

/** Where the store lives: the data folder's (default: AppHome) or an explicit H2 file or PostgreSQL address. */
final class StoreOptions {
    @Option(names = "--home", paramLabel = "DIR", description = "data folder (default: -Dquotelab.home, QUOTELAB_HOME or ~/.quotelab)")
    Path home;

    @Option(names = "--db", paramLabel = "PATH|URL", description = "H2 database file without the .mv.db suffix,"
            + " or a shared PostgreSQL store postgresql://host[:port]/database (user and password from PGUSER and"
            + " PGPASSWORD, QUOTELAB_DB_USER and QUOTELAB_DB_PASSWORD, <data folder>/db.properties or ~/.pgpass);"
            + " overrides the data folder's store")
    String db;

    @Option(names = "--project", paramLabel = "NAME",
            description = "project to work in (default: the one the app showed last, else the first); see 'projects'")
    String project;

    @Option(names = "--annotator", paramLabel = "NAME", description = "who label changes and assignments are"
            + " recorded as (default: the name chosen in the app on this machine, else the OS user)")
    String annotator;

    /** Opens the store and, when it is the data folder's own, removes model folders a killed process left. */
    StoreSession open() {
        return StoreSession.open(home(), db, project, annotator);
    }

    AppHome home() {
        return home != null ? new AppHome(home.toAbsolutePath()) : AppHome.resolve();
    }
}

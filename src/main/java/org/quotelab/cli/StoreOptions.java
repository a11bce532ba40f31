package org.quotelab.cli;

import java.nio.file.Path;
import org.quotelab.service.AppHome;
import org.quotelab.service.StoreSession;
import picocli.CommandLine.Option;

/** Where the store lives: the data folder (default: AppHome) or an explicit database file. */
final class StoreOptions {
    @Option(names = "--home", paramLabel = "DIR", description = "data folder (default: -Dquotelab.home, QUOTELAB_HOME or ~/.quotelab)")
    Path home;

    @Option(names = "--db", paramLabel = "PATH", description = "database file without the .mv.db suffix (overrides --home)")
    Path db;

    @Option(names = "--project", paramLabel = "NAME",
            description = "project to work in (default: the one the app showed last, else the first); see 'projects'")
    String project;

    Path databaseFile() {
        if (db != null) {
            return db.toAbsolutePath();
        }
        return home().database();
    }

    /** Opens the store and, when the data folder is known, removes model folders a killed process left. */
    StoreSession open() {
        return StoreSession.open(databaseFile(), db == null ? home().models() : null, project);
    }

    AppHome home() {
        return home != null ? new AppHome(home.toAbsolutePath()) : AppHome.resolve();
    }
}

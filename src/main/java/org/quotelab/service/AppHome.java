package org.quotelab.service;

import java.nio.file.Path;
import org.quotelab.store.StoreLocation;

/**
 * The user's data folder: the H2 store, model versions, DJL's engine cache and logs live here. A
 * {@code db.properties} in it may name a shared PostgreSQL store instead of the H2 file.
 * Chosen by -Dquotelab.home, then QUOTELAB_HOME, then ~/.quotelab.
 */
public record AppHome(Path root) {

    public static AppHome resolve() {
        String prop = System.getProperty("quotelab.home");
        if (prop != null && !prop.isBlank()) {
            return new AppHome(Path.of(prop).toAbsolutePath());
        }
        String env = System.getenv("QUOTELAB_HOME");
        if (env != null && !env.isBlank()) {
            return new AppHome(Path.of(env).toAbsolutePath());
        }
        return new AppHome(Path.of(System.getProperty("user.home"), ".quotelab"));
    }

    public Path database() {
        return root.resolve("store").resolve("quotelab");
    }

    /**
     * The store this data folder uses: the PostgreSQL database named by {@code url} in its
     * db.properties, else the embedded H2 file {@link #database()}.
     */
    public StoreLocation store() {
        return StoreLocation.ofDataFolder(root, database(), System.getenv());
    }

    /**
     * The store named explicitly (the CLI's {@code --db}): a PostgreSQL address, its credentials
     * read as for {@link #store()}, or the path of an H2 file without the .mv.db suffix.
     */
    public StoreLocation store(String named) {
        if (StoreLocation.isPostgres(named)) {
            return StoreLocation.postgres(named, System.getenv(), root.resolve(StoreLocation.SETTINGS_FILE));
        }
        return new StoreLocation.H2File(Path.of(named));
    }

    /** Whether this folder already holds a store: its H2 file, or a db.properties naming a shared one. */
    public boolean hasStore() {
        return java.nio.file.Files.exists(database().resolveSibling(database().getFileName() + ".mv.db"))
                || java.nio.file.Files.exists(root.resolve(StoreLocation.SETTINGS_FILE));
    }

    /**
     * The data folder whose models folder holds {@code folder} and which has a store, if any:
     * lets a command given only a version folder find the store that knows it.
     */
    public static java.util.Optional<AppHome> holding(Path folder) {
        for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("models") && p.getParent() != null) {
                AppHome home = new AppHome(p.getParent());
                if (home.hasStore()) {
                    return java.util.Optional.of(home);
                }
            }
        }
        return java.util.Optional.empty();
    }

    public Path models() {
        return root.resolve("models");
    }

    public Path djlCache() {
        return root.resolve("djl-cache");
    }

    public Path logs() {
        return root.resolve("logs");
    }
}

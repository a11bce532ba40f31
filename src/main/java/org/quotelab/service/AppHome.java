package org.quotelab.service;

import java.nio.file.Path;

/**
 * The user's data folder: the H2 store, model versions, DJL's engine cache and logs live here.
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

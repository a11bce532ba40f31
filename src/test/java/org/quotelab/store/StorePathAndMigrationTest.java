package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.quote.TopicCount;
import org.quotelab.store.StoreFixture.StoreKind;

/** V4 renames float topic ids stored by earlier versions; a ';' in the data folder is refused. */
class StorePathAndMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSemicolonInTheDataFolderIsRefusedBeforeH2SeesIt() {
        Path db = dir.resolve("data;ACCESS_MODE_DATA=r").resolve("db").resolve("quotelab");
        StoreException e = assertThrows(StoreException.class, () -> QuoteStore.open(db));
        assertTrue(e.getMessage().contains("contains ';'"), e.getMessage());
        // H2 would have cut the URL at ';' and created <dir>/data.mv.db
        assertFalse(Files.exists(dir.resolve("data.mv.db")));
        assertFalse(Files.exists(dir.resolve("data;ACCESS_MODE_DATA=r")));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void migrationRenamesFloatTopicIdsKeepingOrdinals(StoreKind kind) throws Exception {
        StoreLocation at = StoreFixture.location(kind, dir.resolve("old"));
        String url;
        String user;
        if (at instanceof StoreLocation.Postgres pg) {
            url = pg.jdbcUrl();
            user = pg.user();
        } else {
            Path db = ((StoreLocation.H2File) at).file();
            Files.createDirectories(db.getParent());
            url = "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE";
            user = "sa";
        }
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO batches (id, seq, file_name, content_hash, group_name, day_name, imported_at, row_count)"
                    + " VALUES (1, 1, 'old.csv', '" + "0".repeat(64) + "', '', 'old', CURRENT_TIMESTAMP, 5)");
            for (int i = 1; i <= 5; i++) {
                s.execute("INSERT INTO quotes (id, batch_id, external_id, quote_text, is_validation, source_line)"
                        + " VALUES (" + i + ", 1, 'q" + i + "', 'text " + i + "', FALSE, " + (i + 1) + ")");
            }
            // 543.0 alone; 7 and 7.0 both (merged into 7); names untouched
            s.execute("INSERT INTO topics (ordinal, name) VALUES (1, 'BATTERY'), (2, '543.0'), (3, '7'), (4, '7.0'),"
                    + " (5, 'v2.0')");
            s.execute("INSERT INTO labels (quote_id, label, topic, source, updated_at, updated_by) VALUES"
                    + " (1, 1, '543.0', 'IMPORTED', CURRENT_TIMESTAMP, 'import'),"
                    + " (2, 1, '7.0', 'IMPORTED', CURRENT_TIMESTAMP, 'import'),"
                    + " (3, 1, '7', 'IMPORTED', CURRENT_TIMESTAMP, 'import'),"
                    + " (4, 1, 'BATTERY', 'IMPORTED', CURRENT_TIMESTAMP, 'import'),"
                    + " (5, 1, 'v2.0', 'IMPORTED', CURRENT_TIMESTAMP, 'import')");
            s.execute("INSERT INTO label_history (quote_id, old_label, old_topic, new_label, new_topic, changed_at,"
                    + " changed_by) VALUES (1, 1, '7.0', 1, '543.0', CURRENT_TIMESTAMP, 'me')");
        }
        try (QuoteStore store = QuoteStore.open(at)) {
            List<TopicCount> topics = store.labels().topics();
            // V7 puts the topics into the first project's schema, in natural order
            assertEquals(List.of("1:7:2", "2:543:1", "3:BATTERY:1", "4:v2.0:1"), topics.stream()
                    .map(t -> t.ordinal() + ":" + t.topic() + ":" + t.count()).toList());
            String history = store.database().read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT old_topic, new_topic FROM label_history")) {
                    rs.next();
                    return rs.getString(1) + "->" + rs.getString(2);
                }
            });
            assertEquals("7->543", history);
            assertEquals(0L, (long) store.database().read(c -> Counts.single(c,
                    "SELECT COUNT(*) FROM quotes WHERE original_text IS NOT NULL")));
        }
    }
}

package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.UnknownTopicsException;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.project.Project;
import org.quotelab.domain.project.TopicDef;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.LabelSource;

/** Projects keep their data apart; schemas keep names and keys; an older store migrates into one project. */
class ProjectsAndSchemaTest {
    private static final String HEAD = "quote_id,quote_text,label,topic_id\n";

    @TempDir
    Path dir;

    @Test
    void aStoreOfEarlierVersionsMigratesIntoOneProjectWithItsSettingsAndModels() throws Exception {
        Path db = dir.resolve("old").resolve("quotelab");
        Files.createDirectories(db.getParent());
        String url = "jdbc:h2:file:" + db.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO batches (id, seq, file_name, content_hash, group_name, day_name, imported_at, row_count)"
                    + " VALUES (1, 1, 'old.csv', '" + "a".repeat(64) + "', '', 'old', CURRENT_TIMESTAMP, 3)");
            for (int i = 1; i <= 3; i++) {
                s.execute("INSERT INTO quotes (id, batch_id, external_id, quote_text, is_validation, source_line)"
                        + " VALUES (" + i + ", 1, 'q" + i + "', 'text " + i + "', FALSE, " + (i + 1) + ")");
            }
            s.execute("INSERT INTO topics (ordinal, name) VALUES (1, '10'), (2, '2'), (3, 'battery')");
            s.execute("INSERT INTO labels (quote_id, label, topic, source, updated_at, updated_by) VALUES"
                    + " (1, 1, '10', 'IMPORTED', CURRENT_TIMESTAMP, 'import'),"
                    + " (2, 1, '2', 'IMPORTED', CURRENT_TIMESTAMP, 'import')");
            s.execute("INSERT INTO model_versions (stage, status, path, provenance_json, metrics_json, created_at)"
                    + " VALUES (1, 'ACTIVE', 'm1', '{}', '{}', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO settings (setting_key, setting_value) VALUES ('stage1.threshold', '0.7')");
        }
        try (QuoteStore store = QuoteStore.open(db)) {
            assertEquals(List.of("Default"), store.projects().list().stream().map(Project::name).toList());
            assertEquals(1, store.batches().list().size());
            assertEquals(3, store.quotes().count());
            assertEquals(2, store.labels().countLabelled());
            assertTrue(store.models().active(1).isPresent());
            assertEquals(0.7, store.settings().getDouble(SettingsRepository.STAGE1_THRESHOLD, 0), 1e-9);
            LabelSchema schema = store.schema().schema();
            // natural order, keys 1.. in that order, numeric ids named "topic N" until renamed
            assertEquals(List.of("2:topic 2:1", "10:topic 10:2", "battery:battery:3"), schema.topics().stream()
                    .map(t -> t.key() + ":" + t.name() + ":" + t.hotkey()).toList());

            Project other = store.projects().create("Restaurants");
            QuoteStore second = store.forProject(other.id());
            assertEquals(0, second.batches().count());
            assertTrue(second.models().active(1).isEmpty());
            assertTrue(second.schema().schema().isEmpty());
            assertEquals(0.5, second.settings().getDouble(SettingsRepository.STAGE1_THRESHOLD, 0.5), 1e-9);
        }
    }

    @Test
    void projectsKeepBatchesTopicsModelsAndImportsApart() throws Exception {
        try (QuoteStore a = StoreFixture.open(dir)) {
            Path f = StoreFixture.write(dir, "day.csv", HEAD + "a1,Battery died,1,3\na2,Late parcel,1,1\n");
            a.importer().importFile(f, ImportOptions.defaults());
            QuoteStore b = a.forProject(a.projects().create("Second").id());
            // the same file may go into another project, once
            b.importer().importFile(f, ImportOptions.defaults());
            assertEquals(1, a.batches().count());
            assertEquals(1, b.batches().count());
            assertEquals(2, b.quotes().count());
            var v = b.models().create(1, null, "m", "{}", "{}");
            b.models().activate(v.id(), "test");
            assertTrue(a.models().active(1).isEmpty());
            b.schema().rename("3", "battery life");
            assertEquals("topic 3", a.schema().schema().name("3"));
            assertEquals("battery life", b.schema().schema().name("3"));
            long q = b.quotes().page(null, 0, 10).items().get(0).id();
            b.labels().set(q, QuoteLabel.inTopic("77"), LabelSource.EXPERT, "me");
            assertTrue(b.schema().schema().contains("77"));
            assertTrue(!a.schema().schema().contains("77"));
        }
    }

    @Test
    void unknownTopicsAreRefusedListedMappedOrAddedAndKeysNeverMove() throws Exception {
        Path dbFile = dir.resolve("db").resolve("quotelab");
        try (QuoteStore store = QuoteStore.open(dbFile)) {
            store.importer().importFile(StoreFixture.write(dir, "d1.csv", HEAD + "a,x,1,5\nb,y,1,1\nc,z,0,0\n"),
                    ImportOptions.defaults().withAddTopics(false));
            assertEquals(List.of("1:1", "5:2"), keys(store));
            store.schema().setHotkey("5", "b");
            IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                    () -> store.schema().setHotkey("1", "B"));
            assertTrue(clash.getMessage().contains("key b already labels 'topic 5'"), clash.getMessage());

            Path d2 = StoreFixture.write(dir, "d2.csv", HEAD + "d,x,1,12\ne,y,1,9\nf,z,1,12\ng,w,1,1\n");
            String before = StoreFixture.snapshot(store);
            UnknownTopicsException e = assertThrows(UnknownTopicsException.class,
                    () -> store.importer().importFile(d2, ImportOptions.defaults().withAddTopics(false)));
            assertEquals(List.of("9", "12"), e.topics());
            assertEquals(2, e.rows("12"));
            assertEquals(before, StoreFixture.snapshot(store));

            store.importer().importFile(d2, ImportOptions.defaults().withAddTopics(false)
                    .withTopicMap(Map.of("12", "5")).withDay("mapped").withAddTopics(true));
            // 12 went onto 5; 9 was added with the first free key; 1 and 5 kept theirs
            assertEquals(List.of("1:1", "5:b", "9:2"), keys(store));
        }
        try (QuoteStore again = QuoteStore.open(dbFile)) {
            assertEquals(List.of("1:1", "5:b", "9:2"), keys(again));
            assertEquals(List.of("1", "5", "9"),
                    again.labels().topics().stream().map(org.quotelab.domain.quote.TopicCount::topic).toList());
        }
    }

    private static List<String> keys(QuoteStore s) {
        return s.schema().schema().topics().stream().map(TopicDef::key).sorted()
                .map(k -> k + ":" + s.schema().schema().find(k).orElseThrow().hotkey()).toList();
    }
}

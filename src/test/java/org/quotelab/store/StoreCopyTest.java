package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.store.StoreFixture.StoreKind;

/** A store copied into the other database (H2 to PostgreSQL and back) keeps every row. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class StoreCopyTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void everyTableArrivesWithTheSameDigestAndTheCopyKeepsNumbering() throws Exception {
        StoreKind other = kind == StoreKind.H2 ? StoreKind.POSTGRES : StoreKind.H2;
        try (QuoteStore source = StoreFixture.open(kind, dir.resolve("a"));
                QuoteStore target = StoreFixture.open(other, dir.resolve("b"));
                QuoteStore back = StoreFixture.open(kind, dir.resolve("c"))) {
            fill(source);
            fill(source.forProject(source.projects().create("Second").id()));

            List<String> lines = new ArrayList<>();
            StoreCopy.Report report = StoreCopy.copy(source.database(), target.database(), lines::add);
            assertTrue(report.matches(), report.toString());
            Map<String, StoreCopy.Digest> expected = StoreCopy.digests(source.database());
            assertEquals(expected, StoreCopy.digests(target.database()));
            assertEquals(expected.keySet().size(), lines.size());
            for (String table : List.of("batches", "quotes", "labels", "label_history", "model_versions",
                    "training_runs", "predictions", "projects", "project_settings", "topic_schema", "model_folders",
                    "model_files")) {
                assertTrue(expected.get(table).rows() > 0, table + " was filled");
            }

            StoreCopy.copy(target.database(), back.database(), line -> { });
            assertEquals(expected, StoreCopy.digests(back.database()));

            // the copy numbers new rows after the copied ones: an import, a label, a version, a project
            QuoteStore copied = new QuoteStore(target.database()).forProject(source.projectId());
            long before = copied.quotes().count();
            copied.importer().importFile(StoreFixture.write(dir, "more.csv", StoreFixture.SHARED_HEADER
                    + "\nm1,The screen cracked,1,SCREEN,g\nm2,Fine,0,,g\n"), ImportOptions.defaults());
            assertEquals(before + 2, copied.quotes().count());
            Quote q = copied.quotes().page(null, 0, 1).items().get(0);
            copied.labels().set(q.id(), QuoteLabel.outOfTopic(), LabelSource.EXPERT, "cleo");
            ModelVersion v = copied.models().create(1, null, "/models/new/stage1", "{}", "{}");
            assertTrue(v.id() > source.models().list(1).get(0).id());
            assertTrue(copied.projects().create("Third").id() > 2);
        }
    }

    @Test
    void aTargetWithDataIsRefusedAndLeftAsItWas() throws Exception {
        try (QuoteStore source = StoreFixture.open(kind, dir.resolve("a"));
                QuoteStore target = StoreFixture.open(kind, dir.resolve("b"))) {
            fill(source);
            target.importer().importFile(StoreFixture.write(dir, "t.csv", StoreFixture.SHARED_HEADER
                    + "\nx1,Kept,1,SCREEN,g\n"), ImportOptions.defaults());
            Map<String, StoreCopy.Digest> before = StoreCopy.digests(target.database());
            StoreException e = assertThrows(StoreException.class,
                    () -> StoreCopy.copy(source.database(), target.database(), line -> { }));
            assertTrue(e.getMessage().contains("not empty") && e.getMessage().contains("batches (1 rows)"), e.getMessage());
            assertEquals(before, StoreCopy.digests(target.database()));
        }
    }

    @Test
    void oneChangedValueChangesItsTablesDigestOnly() throws Exception {
        try (QuoteStore source = StoreFixture.open(kind, dir.resolve("a"))) {
            fill(source);
            Map<String, StoreCopy.Digest> before = StoreCopy.digests(source.database());
            source.database().write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE predictions SET confidence = confidence + 1e-12"
                            + " WHERE quote_id = (SELECT MIN(quote_id) FROM predictions)");
                }
            });
            Map<String, StoreCopy.Digest> after = StoreCopy.digests(source.database());
            assertNotEquals(before.get("predictions"), after.get("predictions"));
            assertEquals(before.get("predictions").rows(), after.get("predictions").rows());
            before.remove("predictions");
            after.remove("predictions");
            assertEquals(before, after);
        }
    }

    /** A project with quotes, labels and their history, a cascade, a run, predictions and settings. */
    static void fill(QuoteStore s) throws Exception {
        Path file = StoreFixture.write(Path.of(System.getProperty("java.io.tmpdir")),
                "copy-" + System.nanoTime() + ".csv", StoreFixture.SHARED_HEADER
                        + "\nq1,\"The battery, after a week, is fine\",1,BATTERY,g\nq2,Nothing to say,0,,g\n"
                        + "q3,The screen cracked,1,SCREEN,g\nq4,\"Caf\u00e9 au lait \u2013 ok\",,,g\n");
        s.importer().importFile(file, ImportOptions.defaults());
        java.nio.file.Files.delete(file);
        List<Quote> qs = s.quotes().page(null, 0, 10).items();
        s.labels().set(qs.get(1).id(), QuoteLabel.inTopic("SCREEN"), LabelSource.EXPERT, "ann");
        s.labels().set(qs.get(3).id(), QuoteLabel.outOfTopic(), LabelSource.EXPERT, "bob");
        s.labels().undoLast(qs.get(3).id(), "bob");
        ModelVersion v1 = s.models().create(1, null, "/models/c1/stage1", "{\"seed\":1}", "{\"f1\":0.5}");
        ModelVersion v2 = s.models().create(2, null, "/models/c1/stage2", "{\"seed\":2}", "{}");
        s.models().activate(v1.id(), "trained");
        s.models().create(1, v1.id(), "/models/c2/stage1", "{}", "{}");
        long run = s.runs().start("train-" + System.nanoTime(), "{\"epochs\":1}").id();
        s.runs().finish(run, RunStatus.DONE, "trained", v1.id());
        List<Prediction> ps = new ArrayList<>();
        for (Quote q : qs) {
            ps.add(new Prediction(q.id(), v1.id(), v2.id(), 0.1 + q.id() / 1000.0, Map.of("BATTERY", 0.7, "SCREEN", 0.3),
                    1, "BATTERY", 1.0 / 3));
        }
        ps.add(new Prediction(qs.get(0).id(), v1.id(), null, 0.75, Map.of(), 1, null, 0.75));
        s.predictions().saveAll(ps);
        s.settings().putDouble(SettingsRepository.STAGE1_THRESHOLD, 0.625);
        // a cascade folder kept in the store: binary chunks, one of them short
        Path folder = java.nio.file.Files.createTempDirectory("cascade-copy-" + s.projectId() + "-");
        byte[] weights = new byte[ModelFileRepository.CHUNK + 777];
        new java.util.Random(s.projectId()).nextBytes(weights);
        java.nio.file.Files.createDirectories(folder.resolve("stage1"));
        java.nio.file.Files.write(folder.resolve("stage1").resolve("model.safetensors"), weights);
        java.nio.file.Files.writeString(folder.resolve("cascade.json"), "{}");
        s.modelFiles().save(folder);
        java.nio.file.Files.walk(folder).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
}

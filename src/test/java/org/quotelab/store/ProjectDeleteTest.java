package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.ClassMetricRow;
import org.quotelab.domain.model.ConfusionRecord;
import org.quotelab.domain.model.EpochMetrics;
import org.quotelab.domain.model.LossPoint;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.model.TrainingRun;
import org.quotelab.domain.project.Project;
import org.quotelab.domain.project.ProjectContents;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.ReplayEntry;
import org.quotelab.store.StoreFixture.StoreKind;

/** Deleting a project removes everything it owns, in one transaction, and leaves the other projects as they were. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ProjectDeleteTest {
    private static final List<String> TABLES = List.of("batches", "quotes", "labels", "label_history", "predictions",
            "replay_memory", "version_quotes", "model_versions", "training_runs", "training_loss", "epoch_metrics",
            "class_metrics", "confusion_matrices", "topic_schema", "project_settings");

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void deletesAProjectWithAllItHoldsAndNothingElse() throws Exception {
        try (QuoteStore first = StoreFixture.open(kind, dir)) {
            QuoteStore doomed = first.forProject(first.projects().create("Doomed").id());
            fill(first, "keep");
            fill(doomed, "doomed");
            Map<String, Long> before = counts(first);

            ProjectContents held = first.projects().contents(doomed.projectId());
            assertEquals("1 batch, 3 quotes, 3 labels, 2 model versions, 1 training run", held.describe());
            assertEquals(2, held.versionPaths().size());

            ProjectContents deleted = first.projects().delete(doomed.projectId());
            assertEquals(held.describe(), deleted.describe());
            assertEquals(List.of(first.projectId()), first.projects().list().stream().map(Project::id).toList());
            Map<String, Long> after = counts(first);
            for (String t : TABLES) {
                // the kept project's rows are exactly half of what there was
                assertEquals(before.get(t) / 2, after.get(t), t);
                assertTrue(after.get(t) > 0, t);
            }
            assertEquals(3, first.quotes().count());
            assertTrue(first.models().active(1).isPresent());
            // the name is free again; the last project cannot go
            first.projects().create("Doomed");
            IllegalArgumentException last = assertThrows(IllegalArgumentException.class,
                    () -> first.projects().delete(first.projects().findByName("Doomed").orElseThrow().id() + 1000));
            assertTrue(last.getMessage().contains("no project"), last.getMessage());
            first.projects().delete(first.projects().findByName("Doomed").orElseThrow().id());
            IllegalArgumentException only = assertThrows(IllegalArgumentException.class,
                    () -> first.projects().delete(first.projectId()));
            assertTrue(only.getMessage().contains("only project"), only.getMessage());
            assertEquals(after, counts(first));
        }
    }

    /** One batch of three labelled quotes, a relabel and its undo, a cascade pair with a run, metrics and predictions. */
    private void fill(QuoteStore s, String tag) throws Exception {
        s.importer().importFile(StoreFixture.write(dir, tag + ".csv", StoreFixture.SHARED_HEADER
                + "\n" + tag + "1,battery died,1,A,g\n" + tag + "2,late parcel,1,B,g\n" + tag + "3,my cat,0,,g\n"),
                ImportOptions.defaults());
        List<Long> quotes = new ArrayList<>();
        s.quotes().page(null, 0, 10).items().forEach(q -> quotes.add(q.id()));
        LabelChange change = s.labels().set(quotes.get(0), QuoteLabel.inTopic("B"), LabelSource.EXPERT, "ann");
        s.labels().undo(change.id(), "ann");
        ModelVersion v1 = s.models().create(1, null, dir.resolve(tag).resolve("stage1").toString(), "{}", "{}");
        ModelVersion v2 = s.models().create(2, v1.id(), dir.resolve(tag).resolve("stage2").toString(), "{}", "{}");
        s.models().activate(v1.id(), "test");
        TrainingRun run = s.runs().start("job-" + tag, "{}");
        s.metrics().addLoss(List.of(new LossPoint(run.id(), 1, 0, 0.9)));
        s.metrics().addEpoch(new EpochMetrics(run.id(), 0, 0.8, 0.75, 0.9, 0.85, null));
        s.metrics().saveClassMetrics(v1.id(), "val", List.of(new ClassMetricRow(v1.id(), "val", "0", 0.9, 0.8, 0.85, 10)));
        s.metrics().saveConfusion(new ConfusionRecord(v1.id(), "val", List.of("0", "1"), new int[][] {{5, 1}, {2, 7}}));
        List<Prediction> predictions = new ArrayList<>();
        for (long q : quotes) {
            predictions.add(new Prediction(q, v1.id(), v2.id(), 0.8, Map.of("A", 0.6, "B", 0.4), 1, "A", 0.6));
        }
        s.predictions().saveAll(predictions);
        s.replay().replace(1, List.of(new ReplayEntry(1, quotes.get(0), 1.0)));
        s.versionQuotes().record(v1.id(), "trained", quotes);
        s.settings().putDouble(SettingsRepository.STAGE1_THRESHOLD, 0.4);
    }

    private static Map<String, Long> counts(QuoteStore s) {
        return s.database().read(c -> {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (String t : TABLES) {
                out.put(t, Counts.single(c, "SELECT COUNT(*) FROM " + t));
            }
            return out;
        });
    }
}

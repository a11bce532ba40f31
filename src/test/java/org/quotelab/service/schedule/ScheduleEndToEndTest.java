package org.quotelab.service.schedule;

import org.quotelab.ml.infer.LoadedModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.continual.PromotionGate;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.continual.ScheduleEvent.Kind;
import org.quotelab.domain.continual.ScheduleEvent.Status;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.model.ModelStatus;
import org.quotelab.domain.quote.Quote;
import org.quotelab.service.AppHome;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.continual.UpdatePolicy;
import org.quotelab.store.QuoteStore;

/**
 * Three sample days dropped one by one into a watched folder, with a tiny cascade trained on the
 * first day: each is imported, scored and checked for drift; the policy launches an update that a
 * strict gate refuses (the active cascade stays) and later one a lenient gate promotes; a
 * malformed file goes to rejected/ with its message and leaves the store as it was.
 */
class ScheduleEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void threeDaysImportedScoredCheckedAndUpdatedThroughTheGate() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path cascade = ScheduleFixture.trainOnSampleDay(1, home.models().resolve("first"));
        try (QuoteStore store = QuoteStore.open(home.database()); LoadedModels models = new LoadedModels();
                PredictionCache predictions = new PredictionCache(store, models)) {
            store.importer().importFile(ScheduleFixture.sampleFile(1), ImportOptions.defaults());
            CascadeVersions.Active first = new CascadeVersions(store, models).register(cascade, true);
            // a gate nobody passes: backward transfer must be at least +1
            Schedule strict = ScheduleFixture.schedule(store, predictions, home.models(), new PromotionGate(0, 1.0));
            ScheduleSettings everyTwo = ScheduleSettings.defaults().withFolder(inbox)
                    .withPolicy(new UpdatePolicy(2, 0, false));

            List<ScheduleEvent> day2 = drop(strict, everyTwo, inbox, 2);
            long batch2 = only(day2, Kind.IMPORT, Status.DONE).batchIds().get(0);
            only(day2, Kind.SCORE, Status.DONE);
            assertScored(store, first, batch2);
            ScheduleEvent drift2 = only(day2, Kind.DRIFT, Status.DONE);
            assertNotNull(drift2.drifted(), "a verdict either way");
            assertTrue(drift2.detail().contains("drift"), drift2.detail());
            assertTrue(only(day2, Kind.DECISION, Status.DONE).detail().startsWith("no update yet: 1 batch(es) waiting"));
            assertEquals(List.of(batch2), strict.status().waiting());

            List<ScheduleEvent> day3 = drop(strict, everyTwo, inbox, 3);
            long batch3 = only(day3, Kind.IMPORT, Status.DONE).batchIds().get(0);
            assertScored(store, first, batch3);
            only(day3, Kind.DRIFT, Status.DONE);
            ScheduleEvent refused = only(day3, Kind.UPDATE, Status.DONE);
            assertEquals(List.of(batch2, batch3), refused.batchIds());
            assertEquals(Boolean.FALSE, refused.promoted());
            assertTrue(refused.detail().contains("promotion gate refused") && refused.detail().contains("backward transfer"),
                    refused.detail());
            assertEquals(first.stage1().id(), store.models().active(1).orElseThrow().id());
            assertEquals(first.stage2().id(), store.models().active(2).orElseThrow().id());
            assertEquals(ModelStatus.CANDIDATE, store.models().find(refused.stage1VersionId()).orElseThrow().status());
            assertEquals(List.of(), strict.status().waiting(), "a refused update consumed its batches");

            // a malformed file: rejected with its message beside it, nothing of it stored
            long batches = store.batches().count();
            long quotes = store.quotes().count();
            Files.writeString(inbox.resolve("day-x.csv"), "quote_id,quote_text,label\nq1,fine,1\nq2,\"open,0\n");
            List<ScheduleEvent> bad = strict.runOnce(everyTwo, 100, new CancellationToken());
            ScheduleEvent rejected = only(bad, Kind.REJECT, Status.DONE);
            assertTrue(rejected.detail().startsWith("day-x.csv, line 3"), rejected.detail());
            assertTrue(Files.exists(inbox.resolve("rejected").resolve("day-x.csv")));
            String note = Files.readString(inbox.resolve("rejected").resolve("day-x.csv.error.txt"));
            assertTrue(note.startsWith("day-x.csv, line 3"), note);
            assertEquals(batches, store.batches().count());
            assertEquals(quotes, store.quotes().count());

            // a lenient gate and one batch per update: the next day's update is promoted
            Schedule lenient = ScheduleFixture.schedule(store, predictions, home.models(), new PromotionGate(1.0, -1.0));
            ScheduleSettings everyOne = everyTwo.withPolicy(new UpdatePolicy(1, 0, false));
            List<ScheduleEvent> day4 = drop(lenient, everyOne, inbox, 4);
            long batch4 = only(day4, Kind.IMPORT, Status.DONE).batchIds().get(0);
            ScheduleEvent promoted = only(day4, Kind.UPDATE, Status.DONE);
            assertEquals(List.of(batch4), promoted.batchIds());
            assertEquals(Boolean.TRUE, promoted.promoted(), promoted.detail());
            assertEquals(promoted.stage1VersionId(), store.models().active(1).orElseThrow().id());
            assertNotEquals(first.stage1().id(), promoted.stage1VersionId());
            assertNotNull(promoted.runId());

            try (var files = Files.list(inbox.resolve("done"))) {
                assertEquals(3, files.count());
            }
            assertFalse(strict.running());
            assertEquals(Optional.empty(), store.schedule().latest(100).stream()
                    .filter(e -> e.status() == Status.STARTED).findAny());
        }
    }

    private static List<ScheduleEvent> drop(Schedule schedule, ScheduleSettings s, Path inbox, int day) throws Exception {
        Files.copy(ScheduleFixture.sampleFile(day), inbox.resolve(ScheduleFixture.sampleFile(day).getFileName()));
        return schedule.runOnce(s, 100, new CancellationToken());
    }

    private static ScheduleEvent only(List<ScheduleEvent> events, Kind kind, Status status) {
        List<ScheduleEvent> found = events.stream().filter(e -> e.kind() == kind).toList();
        assertEquals(1, found.size(), kind + " in " + events);
        assertEquals(status, found.get(0).status(), found.get(0).toString());
        return found.get(0);
    }

    private static void assertScored(QuoteStore store, CascadeVersions.Active active, long batch) {
        Quote q = store.quotes().page(batch, 0, 1).items().get(0);
        assertTrue(store.predictions().find(q.id(), active.stage1().id(), active.stage2().id()).isPresent(),
                "batch " + batch + " scored by the active cascade");
    }
}

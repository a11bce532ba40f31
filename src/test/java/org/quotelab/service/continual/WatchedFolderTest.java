package org.quotelab.service.continual;

import org.quotelab.ml.infer.LoadedModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.continual.ScheduleEvent.Kind;
import org.quotelab.domain.continual.ScheduleEvent.Status;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.store.QuoteStore;

/** The file side of the schedule on a real store, without models: files still being written, crash leftovers. */
class WatchedFolderTest {
    @TempDir
    Path dir;

    private WatchedFolder folder(QuoteStore store, PredictionCache predictions, Path inbox) {
        ScheduleLog log = new ScheduleLog(store.schedule(), null);
        ScheduledUpdate never = new ScheduledUpdate(store, new UpdatePolicy(0, 0, false, null, true),
                (ids, reason, cancel) -> {
                    throw new AssertionError("no update without a cascade");
                }, Clock.systemUTC(), log);
        return new WatchedFolder(store, inbox, predictions, new DriftCheck(t -> new float[0][], DriftCheck.Settings.defaults()),
                never, "tester", log);
    }

    @Test
    void aFileStillBeingWrittenWaitsForTheNextPoll() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (QuoteStore store = QuoteStore.open(dir.resolve("db")); LoadedModels models = new LoadedModels();
                PredictionCache p = new PredictionCache(store, models)) {
            WatchedFolder w = folder(store, p, inbox);
            Path file = inbox.resolve("day.csv");
            Files.writeString(file, "quote_id,quote_text,label\nq1,the battery died,1\n", StandardCharsets.UTF_8);
            assertEquals(List.of(), w.poll(0, false, new CancellationToken()), "first look: maybe still growing");
            Files.writeString(file, "q2,the screen cracked,1\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            assertEquals(List.of(), w.poll(0, false, new CancellationToken()), "it grew: still being written");
            assertEquals(0, store.batches().count());
            List<ScheduleEvent> events = w.poll(0, false, new CancellationToken());
            ScheduleEvent imported = events.get(0);
            assertEquals(Kind.IMPORT, imported.kind());
            assertEquals(Status.DONE, imported.status());
            assertEquals(2, store.quotes().count(), "the whole file");
            assertEquals(Kind.SCORE, events.get(1).kind());
            assertEquals(Status.SKIPPED, events.get(1).status());
            assertTrue(Files.exists(inbox.resolve("done").resolve("day.csv")));
        }
    }

    @Test
    void aFileImportedByAKilledRunIsNotImportedAgain() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (QuoteStore store = QuoteStore.open(dir.resolve("db")); LoadedModels models = new LoadedModels();
                PredictionCache p = new PredictionCache(store, models)) {
            Path file = Files.writeString(inbox.resolve("day.csv"), "quote_id,quote_text,label\nq1,the battery died,1\n");
            // the earlier run committed the import, then died before moving the file and closing its step
            store.importer().importFile(file, org.quotelab.domain.imports.ImportOptions.defaults());
            store.schedule().start(ScheduleEvent.start(Kind.IMPORT, "day.csv", Files.size(file), null, List.of(), ""));
            assertEquals(1, store.schedule().closeInterrupted());
            List<ScheduleEvent> events = folder(store, p, inbox).poll(50, true, new CancellationToken());
            assertEquals(Kind.SKIP, events.get(0).kind());
            assertTrue(events.get(0).detail().startsWith("already imported as batch [1]"), events.get(0).detail());
            assertEquals(1, store.batches().count());
            assertTrue(Files.exists(inbox.resolve("done").resolve("day.csv")));
            assertEquals(Status.INTERRUPTED, store.schedule().latest(10).get(1).status());
        }
    }
}

package org.quotelab.service.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.model.TrainingRun;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreFixture;
import org.quotelab.store.StoreLocation;

class CascadeRunTest {

    @TempDir
    Path dir;

    @Test
    void aRunThatFailsAfterPublishingButBeforeRegisteringLeavesNoFolder() throws IOException {
        try (QuoteStore store = QuoteStore.open(dir.resolve("quotes"))) {
            Path models = dir.resolve("models");
            IOException e = assertThrows(IOException.class, () -> CascadeRun.execute(store, models, "train", "cascade",
                    "{}", run -> {
                        write(run.partial());
                        assertTrue(run.publish().getFileName().toString().startsWith("cascade-"));
                        throw new IOException("the weights do not load");
                    }));
            assertEquals("the weights do not load", e.getMessage());
            assertEquals(List.of(), names(models));
            TrainingRun r = store.runs().list().get(0);
            assertEquals(RunStatus.FAILED, r.status());
            assertEquals("the weights do not load", r.message());
            assertTrue(r.jobId().startsWith("train-"), r.jobId());
        }
    }

    @Test
    void aCancelledRunRemovesItsWorkFolderAndSaysSo() throws IOException {
        try (QuoteStore store = QuoteStore.open(dir.resolve("quotes"))) {
            Path models = dir.resolve("models");
            assertThrows(JobCancelledException.class, () -> CascadeRun.execute(store, models, "update", "update", "{}",
                    run -> {
                        write(run.partial());
                        throw new JobCancelledException();
                    }));
            assertEquals(List.of(), names(models));
            assertEquals(RunStatus.CANCELLED, store.runs().list().get(0).status());
        }
    }

    @Test
    void oncePublishedAndRegisteredTheFolderOutlivesALaterFailure() throws IOException {
        try (QuoteStore store = QuoteStore.open(dir.resolve("quotes"))) {
            Path models = dir.resolve("models");
            Path[] kept = new Path[1];
            assertThrows(IllegalStateException.class, () -> CascadeRun.execute(store, models, "update", "update", "{}",
                    run -> {
                        write(run.partial());
                        kept[0] = run.publish();
                        run.registered();
                        throw new IllegalStateException("activation refused");
                    }));
            assertEquals(List.of(kept[0].getFileName().toString()), names(models));
            assertEquals(RunStatus.FAILED, store.runs().list().get(0).status());
        }
    }

    @Test
    void aCompleteRunIsDoneWithItsSummaryAndAnEarlierLeftoverIsSwept() throws IOException {
        try (QuoteStore store = QuoteStore.open(dir.resolve("quotes"))) {
            Path models = dir.resolve("models");
            write(models.resolve(".cascade-old.partial"));
            String out = CascadeRun.execute(store, models, "train", "cascade", "{}", run -> {
                write(run.partial());
                Path folder = run.publish();
                run.registered();
                return new CascadeRun.Done<>(folder.getFileName().toString(), "trained", null);
            });
            assertEquals(List.of(out), names(models));
            TrainingRun r = store.runs().list().get(0);
            assertEquals(RunStatus.DONE, r.status());
            assertEquals("trained", r.message());
        }
    }

    @Test
    void aSecondTrainingOfTheProjectFromAnotherClientIsRefusedWhileTheFirstRuns() throws Exception {
        // two store clients on one PostgreSQL database, each with its own models folder: two machines
        StoreLocation at = StoreFixture.location(StoreFixture.StoreKind.POSTGRES, dir);
        try (QuoteStore a = QuoteStore.open(at); QuoteStore b = QuoteStore.open(at)) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<String> first = pool.submit(() -> CascadeRun.execute(a, dir.resolve("models-a"), "train", "cascade",
                        "{}", run -> {
                            running.countDown();
                            try {
                                assertTrue(release.await(60, TimeUnit.SECONDS));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IOException(e);
                            }
                            return new CascadeRun.Done<>("first", "trained", null);
                        }));
                assertTrue(running.await(60, TimeUnit.SECONDS));
                TrainingBusyException e = assertThrows(TrainingBusyException.class, () -> CascadeRun.execute(b,
                        dir.resolve("models-b"), "update", "update", "{}", run -> new CascadeRun.Done<>("second", "", null)));
                assertTrue(e.getMessage().contains("project 'Default' is running: fine-tune by "
                        + System.getProperty("user.name") + "@"), e.getMessage());
                assertEquals(1, b.runs().list().size(), "the refused start recorded no run");
                release.countDown();
                assertEquals("first", first.get(60, TimeUnit.SECONDS));
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
            assertEquals("second", CascadeRun.execute(b, dir.resolve("models-b"), "update", "update", "{}",
                    run -> new CascadeRun.Done<>("second", "updated", null)));
        }
    }

    private static void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("cascade.json"), "{}");
    }

    private static List<String> names(Path models) throws IOException {
        try (Stream<Path> s = Files.list(models)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

package org.quotelab.service.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.model.TrainingRun;
import org.quotelab.store.QuoteStore;

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

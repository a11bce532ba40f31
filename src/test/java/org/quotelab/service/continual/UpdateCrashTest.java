package org.quotelab.service.continual;

import org.quotelab.ml.infer.LoadedModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.model.TrainingRun;
import org.quotelab.service.AppHome;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.store.QuoteStore;

/** A real child JVM killed with SIGKILL in the middle of an update, then the next start. */
class UpdateCrashTest {

    @TempDir
    Path dir;

    @Test
    void sigkillMidUpdateLeavesTheStoreConsistentAndTheRunInterrupted() throws Exception {
        AppHome home = new AppHome(dir);
        Path db = home.database();
        Path models = home.models();
        ContinualFixture.trainCascade(models.resolve("first"));
        CascadeVersions.Active before;
        try (QuoteStore store = QuoteStore.open(db); LoadedModels loaded = new LoadedModels()) {
            store.importer().importFile(ContinualFixture.writeDay(dir, "day-01", ContinualFixture.quotes(40, 1, 0)),
                    ImportOptions.defaults());
            store.importer().importFile(ContinualFixture.writeDay(dir, "day-02", ContinualFixture.quotes(60, 2, 0)),
                    ImportOptions.defaults());
            before = new CascadeVersions(store, loaded).register(models.resolve("first"), true);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx1g", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), UpdateChild.class.getName(), db.toString(), models.toString())
                .redirectErrorStream(true).start();
        boolean training = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && child.isAlive()) {
                if (partialStage(models)) {
                    training = true;
                    break;
                }
                Thread.sleep(200);
            }
            Thread.sleep(1500);
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(training, "the child never started training");
        try (QuoteStore store = QuoteStore.open(db)) {
            List<TrainingRun> runs = store.runs().list();
            assertEquals(1, runs.size());
            assertEquals(RunStatus.RUNNING, runs.get(0).status());
            assertEquals(1, store.runs().markInterrupted());
            assertEquals(RunStatus.INTERRUPTED, store.runs().list().get(0).status());
            CascadeVersions.Active after = new CascadeVersions(store).active().orElseThrow();
            assertEquals(before.stage1().id(), after.stage1().id());
            assertEquals(before.stage2().id(), after.stage2().id());
            assertEquals(1, store.models().list(1).size());
            assertEquals(1, store.models().list(2).size());
            assertEquals(2, store.batches().count());
        }
        assertTrue(partialStage(models), "the kill left the update's .partial folder");
        // the next start removes it and leaves the active cascade as it was
        try (Workbench wb = Workbench.open(home, new JobRunner(1))) {
            assertFalse(partialStage(models));
            assertEquals(before.stage1().id(), wb.store().models().active(1).orElseThrow().id());
            assertEquals(before.stage2().id(), wb.store().models().active(2).orElseThrow().id());
        }
    }

    /** True once the child is inside a stage's training (its partial cascade folder exists). */
    private static boolean partialStage(Path models) throws Exception {
        if (!Files.isDirectory(models)) {
            return false;
        }
        try (Stream<Path> s = Files.list(models)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".partial"));
        }
    }
}

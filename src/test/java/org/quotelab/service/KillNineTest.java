package org.quotelab.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.ml.infer.VersionCheck;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.store.QuoteStore;
import org.quotelab.ui.TinyCascade;
import org.slf4j.LoggerFactory;

/**
 * SIGKILL (Process.destroyForcibly) of a real child JVM during a save and during an import; then
 * the next start: the store opens consistent, no work folder is left, the active cascade is the
 * one from before. The kill during an update is in UpdateCrashTest.
 */
class KillNineTest {

    @TempDir
    Path dir;

    @Test
    void killDuringASaveLeavesNoOrphanAfterTheNextStart() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        CascadeVersions.Active before = activateTinyCascade(home);
        // two complete saves, then a kill while the third has written its files but not published them
        killAfter(child("save", home.root().toString()), l -> l.startsWith("inside save"));
        assertTrue(!leftovers(home.models()).isEmpty(), "the killed save left its work folder");

        List<ILoggingEvent> logged = captureRecoveryLog();
        try (Workbench wb = Workbench.open(home, new JobRunner(1))) {
            assertEquals(List.of(), leftovers(home.models()));
            assertTrue(logged.stream().anyMatch(e -> e.getFormattedMessage().contains(".tmp-")), logged.toString());
            assertActive(wb.store(), before);
            // every version under its final name is complete: the rename is the last step of a save
            try (Stream<Path> s = Files.list(home.models())) {
                for (Path v : s.toList()) {
                    VersionCheck.check(v, ComputeDevice.AUTO);
                }
            }
        }
    }

    @Test
    void killDuringAnImportKeepsTheStoreAsItWas() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        CascadeVersions.Active before = activateTinyCascade(home);
        long quotes;
        try (QuoteStore store = QuoteStore.open(home.database())) {
            quotes = store.quotes().count();
        }
        Files.createDirectories(home.models().resolve(".cascade-x.partial").resolve("stage1")); // an earlier kill's
        Path big = KillChild.bigCsv(dir.resolve("big.csv"), 300_000);
        killAfter(child("import", home.root().toString(), big.toString()),
                l -> l.startsWith("rows ") && Long.parseLong(l.substring(5)) >= 40_000);
        try (Workbench wb = Workbench.open(home, new JobRunner(1))) {
            assertEquals(1, wb.store().batches().count());
            assertEquals(quotes, wb.store().quotes().count());
            assertActive(wb.store(), before);
            assertEquals(List.of(), leftovers(home.models()));
            wb.store().importer().importFile(KillChild.bigCsv(dir.resolve("small.csv"), 50), ImportOptions.defaults());
            assertEquals(2, wb.store().batches().count());
        }
    }

    /** A store with one imported day and the tiny cascade active, as a user's data folder. */
    private static CascadeVersions.Active activateTinyCascade(AppHome home) throws Exception {
        try (Workbench wb = Workbench.open(home, new JobRunner(1))) {
            return TinyCascade.prepare(wb, home.root(), 20);
        }
    }

    private static void assertActive(QuoteStore store, CascadeVersions.Active before) {
        CascadeVersions.Active now = new CascadeVersions(store).active().orElseThrow();
        assertEquals(before.stage1().id(), now.stage1().id());
        assertEquals(before.stage2().id(), now.stage2().id());
    }

    private static Process child(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"), KillChild.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Reads the child's output until a line matches (at most 60 s), then kills it with SIGKILL. */
    private static void killAfter(Process child, Predicate<String> line) throws Exception {
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String l;
            while (System.nanoTime() < deadline && (l = out.readLine()) != null) {
                seen.add(l);
                if (line.test(l)) {
                    break;
                }
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertTrue(seen.stream().anyMatch(line), "the child never got there: "
                + seen.subList(Math.max(0, seen.size() - 20), seen.size()));
        assertTrue(!seen.contains("done"), "the child finished before the kill");
    }

    private static List<Path> leftovers(Path models) throws IOException {
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(models)) {
            return s.filter(p -> Files.isDirectory(p) && ModelFolders.isLeftover(p.getFileName().toString())).toList();
        }
    }

    private static List<ILoggingEvent> captureRecoveryLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(Recovery.class)).addAppender(appender);
        return appender.list;
    }
}

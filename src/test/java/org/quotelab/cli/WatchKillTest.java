package org.quotelab.cli;

import org.quotelab.ml.infer.LoadedModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
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
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.continual.ScheduleEvent.Kind;
import org.quotelab.domain.continual.ScheduleEvent.Status;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.service.AppHome;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.schedule.ScheduleFixture;
import org.quotelab.store.QuoteStore;

/**
 * SIGKILL (Process.destroyForcibly) of a real {@code quotelab watch --once} in the middle of an
 * import and in the middle of an update; the next run loses nothing and picks up where it left off.
 */
class WatchKillTest {
    @TempDir
    Path dir;

    @Test
    void killDuringAnImportStoresNothingAndTheNextRunImportsTheFile() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        bigCsv(inbox.resolve("big.csv"), 100_000);
        List<String> seen = killAfter(child(inbox, home, "--never"), l -> l.contains("import started big.csv"), 300);
        assertFalse(seen.stream().anyMatch(l -> l.contains("import done")), "the import ended before the kill");
        try (QuoteStore store = QuoteStore.open(home.database())) {
            assertEquals(0, store.batches().count(), "nothing of the killed import is stored");
            assertEquals(Status.STARTED, store.schedule().latest(1).get(0).status());
        }
        assertTrue(Files.exists(inbox.resolve("big.csv")), "the file stays until its import committed");

        CliRun next = run("watch", inbox.toString(), "--once", "--home", home.root().toString(), "--settle-seconds", "0.2",
                "--never");
        assertEquals(0, next.code(), next.err());
        assertTrue(next.out().contains("import done big.csv batch ["), next.out());
        try (QuoteStore store = QuoteStore.open(home.database())) {
            assertEquals(100_000, store.quotes().count());
            List<ScheduleEvent> imports = store.schedule().since(0).stream().filter(e -> e.kind() == Kind.IMPORT).toList();
            assertEquals(List.of(Status.INTERRUPTED, Status.DONE), imports.stream().map(ScheduleEvent::status).toList());
        }
        assertTrue(Files.exists(inbox.resolve("done").resolve("big.csv")));
    }

    @Test
    void killDuringAnUpdateKeepsTheCascadeAndTheNextRunLaunchesItAgain() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path cascade = ScheduleFixture.trainOnSampleDay(1, home.models().resolve("first"));
        CascadeVersions.Active before;
        try (QuoteStore store = QuoteStore.open(home.database()); LoadedModels models = new LoadedModels()) {
            store.importer().importFile(ScheduleFixture.sampleFile(1), ImportOptions.defaults());
            before = new CascadeVersions(store, models).register(cascade, true);
        }
        Files.copy(ScheduleFixture.sampleFile(2), inbox.resolve("day-02.csv"));
        boolean[] updating = {false};
        List<String> seen = killAfter(child(inbox, home, "--every-batches", "1", "--epochs", "500"), l -> {
            updating[0] |= l.contains("update started");
            return updating[0] && partial(home.models()); // inside the update's training
        }, 1000);
        assertFalse(seen.stream().anyMatch(l -> l.contains("update done")), "the update ended before the kill");
        try (QuoteStore store = QuoteStore.open(home.database())) {
            // H2 writes commits to disk up to about a second late: the run row may not have made it
            assertTrue(store.runs().list().stream().allMatch(r -> r.status() == RunStatus.RUNNING));
            assertEquals(before.stage1().id(), store.models().active(1).orElseThrow().id());
            assertEquals(2, store.batches().count(), "the import before the update was committed");
        }
        assertTrue(partial(home.models()), "the kill left the update's work folder");

        CliRun next = run("watch", inbox.toString(), "--once", "--home", home.root().toString(), "--settle-seconds", "0.2",
                "--every-batches", "1", "--epochs", "1");
        assertEquals(0, next.code(), next.out() + next.err());
        assertFalse(partial(home.models()), "the next start removed it");
        try (QuoteStore store = QuoteStore.open(home.database())) {
            List<ScheduleEvent> updates = store.schedule().since(0).stream().filter(e -> e.kind() == Kind.UPDATE).toList();
            ScheduleEvent last = updates.get(updates.size() - 1);
            assertEquals(Status.DONE, last.status(), next.out());
            List<Long> day2 = store.schedule().since(0).stream().filter(e -> e.kind() == Kind.IMPORT
                    && e.status() == Status.DONE).findFirst().orElseThrow().batchIds();
            assertEquals(day2, last.batchIds(), "the batch the killed update was learning, learned now");
            assertTrue(updates.stream().limit(updates.size() - 1).allMatch(e -> e.status() == Status.INTERRUPTED));
            assertEquals(RunStatus.DONE, store.runs().list().get(0).status());
            assertTrue(store.runs().list().stream().skip(1).allMatch(r -> r.status() == RunStatus.INTERRUPTED));
            assertEquals(last.runId(), store.runs().list().get(0).id());
            assertEquals(2, store.batches().count(), "nothing imported twice");
        }
    }

    @Test
    void sigtermStopsAContinuousWatchCleanly() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path log = dir.resolve("watch.log"); // a file: destroy() closes the pipe before the last lines are read
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), QuoteLabCli.class.getName(), "watch", inbox.toString(),
                "--home", home.root().toString(), "--poll-seconds", "1", "--never").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            waitFor(log, "watching " + inbox);
            bigCsv(inbox.resolve("small.csv"), 20);
            waitFor(log, "decision done");
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "stopped");
        } finally {
            child.destroyForcibly();
        }
        String out = Files.readString(log);
        assertTrue(out.contains("import done small.csv"), out);
        assertTrue(out.contains("stopping the schedule"), out);
        try (QuoteStore store = QuoteStore.open(home.database())) { // the store was closed and its lock released
            assertEquals(1, store.batches().count());
            assertTrue(store.schedule().latest(100).stream().allMatch(ScheduleEvent::finished));
        }
    }

    private static void waitFor(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' in " + (Files.exists(log) ? Files.readString(log) : "(no output)"));
    }


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Process child(Path inbox, AppHome home, String... policy) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"),
                QuoteLabCli.class.getName(), "watch", inbox.toString(), "--once", "--home", home.root().toString(),
                "--settle-seconds", "0.2"));
        cmd.addAll(List.of(policy));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Reads the child's lines until one matches (at most 4 minutes), waits {@code delayMs}, then SIGKILL. */
    private static List<String> killAfter(Process child, Predicate<String> line, long delayMs) throws Exception {
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            String l;
            boolean hit = false;
            while (System.nanoTime() < deadline && (l = out.readLine()) != null) {
                seen.add(l);
                if (line.test(l)) {
                    hit = true;
                    break;
                }
            }
            if (hit) {
                Thread.sleep(delayMs);
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            assertTrue(hit, "the child never got there: " + seen.subList(Math.max(0, seen.size() - 20), seen.size()));
        } finally {
            child.destroyForcibly();
        }
        return seen;
    }

    private static boolean partial(Path models) {
        if (!Files.isDirectory(models)) {
            return false;
        }
        try (Stream<Path> s = Files.list(models)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".partial"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void bigCsv(Path file, int rows) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("quote_id,quote_text,label,topic\n");
            for (int i = 0; i < rows; i++) {
                w.write("k" + i + ",\"the battery of unit " + i + " died after a week\",1,battery\n");
            }
        }
    }
}

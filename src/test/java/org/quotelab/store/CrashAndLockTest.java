package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;

/** Real child JVMs: SIGKILL in the middle of an import, and a second process on the same data folder. */
class CrashAndLockTest {
    @TempDir
    Path dir;

    @Test
    void sigkillDuringImportLeavesNoPartialBatch() throws Exception {
        Path db = dir.resolve("db").resolve("quotelab");
        String before;
        try (QuoteStore store = QuoteStore.open(db)) {
            store.importer().importFile(BulkData.write(dir.resolve("first.csv"), 1_000, "a"), ImportOptions.defaults());
            before = StoreFixture.snapshot(store);
        }
        Path big = BulkData.write(dir.resolve("big.csv"), 400_000, "b");
        Process child = start("import", db.toString(), big.toString());
        long rowsSeen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("rows ")) {
                    rowsSeen = Long.parseLong(line.substring(5));
                    if (rowsSeen >= 50_000) {
                        break;
                    }
                }
                assertTrue(!line.equals("done"), "the import finished before it could be killed");
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(rowsSeen >= 50_000, "child never got going; saw " + rowsSeen);
        try (QuoteStore store = QuoteStore.open(db)) {
            assertEquals(before, StoreFixture.snapshot(store));
            assertEquals(1, store.batches().count());
            assertEquals(1_000, store.quotes().count());
            // the store still works: the same file imports cleanly afterwards
            Path small = BulkData.write(dir.resolve("after.csv"), 500, "c");
            store.importer().importFile(small, ImportOptions.defaults());
            assertEquals(1_500, store.quotes().count());
        }
    }

    @Test
    void aSecondProcessOnTheSameDataFolderFailsFastWithAClearMessage() throws Exception {
        Path db = dir.resolve("db").resolve("quotelab");
        Process child = start("hold", db.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("open", out.readLine());
            long t = System.nanoTime();
            StoreLockedException e = assertThrows(StoreLockedException.class, () -> QuoteStore.open(db));
            assertTrue(e.getMessage().contains("QuoteLab is already running with this data folder"), e.getMessage());
            assertTrue(System.nanoTime() - t < 15_000_000_000L, "should fail fast");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), StoreChild.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}

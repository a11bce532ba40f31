package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quotelab watch --once against a real store: one sample day imported, a malformed file rejected. */
class WatchCommandTest {
    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void onceImportsTheSampleDayAndBatchesListsIt() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.copy(Path.of("sample-data", "day-01.csv"), inbox.resolve("day-01.csv"));
        String home = dir.resolve("home").toString();

        CliRun watch = run("watch", inbox.toString(), "--once", "--home", home, "--settle-seconds", "0.2");
        assertEquals(0, watch.code(), watch.out() + watch.err());
        assertTrue(watch.out().contains("import done day-01.csv batch [1]"), watch.out());
        assertTrue(watch.out().contains("score skipped"), watch.out()); // no cascade yet
        assertTrue(Files.exists(inbox.resolve("done").resolve("day-01.csv")));
        assertFalse(Files.exists(inbox.resolve("day-01.csv")));

        CliRun batches = run("batches", "--home", home);
        assertEquals(0, batches.code(), batches.err());
        assertTrue(batches.out().contains("day-01.csv"), batches.out());

        // a second pass finds nothing new; the same bytes dropped again are not imported twice
        Files.copy(Path.of("sample-data", "day-01.csv"), inbox.resolve("day-01.csv"));
        CliRun again = run("watch", inbox.toString(), "--once", "--home", home, "--settle-seconds", "0.2");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("skip done day-01.csv batch [1]: already imported"), again.out());
        assertTrue(Files.exists(inbox.resolve("done").resolve("day-01-2.csv")));
    }

    @Test
    void aMalformedFileIsRejectedWithItsMessageAndNothingStored() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("bad.csv"), "quote_id,quote_text,label\nq1,fine,1\nq2,hi,maybe\n");
        String home = dir.resolve("home").toString();
        CliRun watch = run("watch", inbox.toString(), "--once", "--home", home, "--settle-seconds", "0.2");
        assertEquals(0, watch.code(), watch.err());
        String message = "bad.csv, line 3, column 3 'label': the label must be 0, 1 or empty (unlabelled), not 'maybe'";
        assertTrue(watch.err().contains(message), watch.err());
        Path rejected = inbox.resolve("rejected");
        assertTrue(Files.exists(rejected.resolve("bad.csv")));
        assertTrue(Files.readString(rejected.resolve("bad.csv.error.txt")).startsWith(message));
        CliRun batches = run("batches", "--home", home);
        assertFalse(batches.out().contains("bad.csv"), batches.out());
    }

    @Test
    void clearErrorsForAMissingFolderAndABadTime() {
        CliRun missing = run("watch", dir.resolve("nope").toString(), "--once", "--home", dir.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("error: the folder to watch does not exist"), missing.err());
        CliRun time = run("watch", dir.toString(), "--once", "--home", dir.resolve("h").toString(), "--at", "25:00");
        assertEquals(1, time.code());
        assertTrue(time.err().contains("HH:MM"), time.err());
    }
}

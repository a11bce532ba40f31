package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.store.EmbeddedPostgres;

/** import, batches, export and sample-data from the command line against a real store. */
class StoreCommandsTest {
    @TempDir
    Path dir;


    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void generateImportListExport() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, run("sample-data", "--out", data.toString(), "--seed", "7").code());
        String home = dir.resolve("home").toString();
        CliRun imp = run("import", "--home", home, data.resolve("day-01.csv").toString(), data.resolve("day-02.csv").toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("imported day-01.csv"), imp.out());

        CliRun again = run("import", "--home", home, data.resolve("day-01.csv").toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("day-01.csv: this file was already imported"), again.err());

        CliRun batches = run("batches", "--home", home);
        assertTrue(batches.out().contains("day-01") && batches.out().contains("day-02"), batches.out());

        Path out = dir.resolve("labels.jsonl");
        CliRun exp = run("export", "--home", home, "--out", out.toString(), "--labelled-only");
        assertEquals(0, exp.code(), exp.err());
        assertTrue(Files.readAllLines(out).get(0).startsWith("{\"quote_id\":\"d01-00000\""));
    }

    @Test
    void aPostgresStoreFromTheDataFolderSettingOrDb() throws Exception {
        String address = EmbeddedPostgres.newDatabase();
        Path home = Files.createDirectories(dir.resolve("home"));
        // credentials from the data folder's file, never from the command line
        Files.writeString(home.resolve("db.properties"), "user=" + EmbeddedPostgres.user() + "\n");
        Path f = Files.writeString(dir.resolve("day.csv"), "quote_id,quote_text,label\nq1,hi,1\nq2,there,0\n");
        CliRun imp = run("import", "--home", home.toString(), "--db", address, f.toString());
        assertEquals(0, imp.code(), imp.err());
        Files.writeString(home.resolve("db.properties"), "url=" + address + "\nuser=" + EmbeddedPostgres.user() + "\n");
        CliRun batches = run("batches", "--home", home.toString());
        assertEquals(0, batches.code(), batches.err());
        assertTrue(batches.out().contains("day"), batches.out());
        assertTrue(!Files.exists(home.resolve("store")), "no H2 file was made");

        CliRun refused = run("batches", "--home", home.toString(), "--db", "postgresql://127.0.0.1:1/quotelab");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("cannot reach the PostgreSQL server at 127.0.0.1:1"), refused.err());
    }

    @Test
    void badFileGivesOneClearLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.csv"), "quote_id,quote_text,label\nq1,hi,maybe\n");
        CliRun r = run("import", "--db", dir.resolve("db").toString(), f.toString());
        assertEquals(1, r.code());
        assertEquals("error: bad.csv, line 2, column 3 'label': the label must be 0, 1 or empty (unlabelled), not 'maybe'",
                r.err().trim());
    }

    @Test
    void importHelpListsTheFieldsOfMap() {
        CliRun r = run("import", "--help");
        assertEquals(0, r.code());
        String help = r.out().replaceAll("\\s+", " ");
        for (String field : java.util.List.of("EXTERNAL_ID", "TEXT", "LABEL", "TOPIC", "GROUP", "REVIEW_TEXT", "IGNORED")) {
            assertTrue(help.contains(field), help);
        }
    }

    @Test
    void aPictureIsRefusedAsNotTextInOneLine() throws Exception {
        Path f = Files.write(dir.resolve("photo.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        CliRun r = run("import", "--db", dir.resolve("db").toString(), f.toString());
        assertEquals(1, r.code());
        assertEquals("error: photo.csv, line 1: the file is not a CSV text file: it is a PNG image", r.err().trim());
    }
}

package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.store.EmbeddedPostgres;

/** The sample store moved to PostgreSQL and back to a new H2 file keeps every table's digest. */
class MigrateCommandTest {
    @TempDir
    Path dir;


    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void theSampleStoreMakesARoundTripWithIdenticalChecksums() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, run("sample-data", "--out", data.toString()).code());
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("db.properties"), "user=" + EmbeddedPostgres.user() + "\n");
        try (var days = Files.list(data)) {
            List<String> args = new java.util.ArrayList<>(List.of("import", "--home", home.toString()));
            days.map(Path::toString).filter(p -> p.matches(".*day-\\d+\\.csv")).sorted().forEach(args::add);
            CliRun imp = run(args.toArray(String[]::new));
            assertEquals(0, imp.code(), imp.err());
        }
        String pg = EmbeddedPostgres.newDatabase();
        CliRun there = run("migrate", "--home", home.toString(), "--to", pg);
        assertEquals(0, there.code(), there.err());
        assertTrue(there.out().contains("every count and digest matches"), there.out());
        assertTrue(there.out().lines().anyMatch(l -> l.startsWith("quotes ") && !l.contains(" 0 ")), there.out());

        Path back = dir.resolve("back").resolve("quotelab");
        CliRun again = run("migrate", "--home", home.toString(), "--from", pg, "--to", back.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(table(there.out()), table(again.out()), "the same rows and digests after the round trip");

        // the moved store takes new rows: numbering continues after the copied ids
        Path f = Files.writeString(dir.resolve("later.csv"), "quote_id,quote_text,label\nn1,A new quote,1\nn2,Another,0\n");
        CliRun imp = run("import", "--home", home.toString(), "--db", pg, f.toString());
        assertEquals(0, imp.code(), imp.err());

        CliRun refused = run("migrate", "--home", home.toString(), "--to", pg);
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("the target store is not empty"), refused.err());
        CliRun missing = run("migrate", "--from", dir.resolve("nothing").toString(), "--to", dir.resolve("x").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("there is no H2 store at"), missing.err());
    }

    /** The printed table without its last line (which names the two stores). */
    private static List<String> table(String out) {
        List<String> lines = out.lines().toList();
        return lines.subList(0, lines.size() - 1);
    }
}

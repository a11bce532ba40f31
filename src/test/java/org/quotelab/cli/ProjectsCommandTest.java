package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** projects lists and creates; --project picks one; an import with unknown topics is refused and explained. */
class ProjectsCommandTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void projectsKeepImportsApartAndUnknownTopicsNeedAnAnswer() throws Exception {
        String home = dir.resolve("home").toString();
        Path d1 = Files.writeString(dir.resolve("d1.csv"), "quote_id,quote_text,label,topic_id\na,x,1,3\nb,y,1,1\n");
        Path d2 = Files.writeString(dir.resolve("d2.csv"), "quote_id,quote_text,label,topic_id\nc,x,1,12\nd,y,1,1\n");
        assertEquals(0, run("import", "--home", home, d1.toString()).code());
        CliRun listed = run("projects", "--home", home);
        assertEquals("* Default\n", listed.out().replace("\r", ""));

        CliRun refused = run("import", "--home", home, d2.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("topics not in this project's schema: 12"), refused.err());
        assertTrue(refused.err().contains("--add-topics") && refused.err().contains("--map-topic"), refused.err());
        assertTrue(refused.err().contains("3 (topic 3)"), refused.err());
        CliRun mapped = run("import", "--home", home, "--map-topic", "12=3", d2.toString());
        assertEquals(0, mapped.code(), mapped.err());
        CliRun schema = run("projects", "--home", home, "--schema");
        assertTrue(schema.out().contains("topic 1") && !schema.out().contains("topic 12"), schema.out());

        assertEquals(0, run("projects", "--home", home, "--create", "Hotels").code());
        assertEquals(0, run("import", "--home", home, "--project", "hotels", d2.toString()).code());
        CliRun batches = run("batches", "--home", home, "--project", "Hotels");
        assertTrue(batches.out().contains("d2") && !batches.out().contains("d1"), batches.out());
        CliRun unknown = run("batches", "--home", home, "--project", "Nope");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no project named 'Nope'; projects: Default, Hotels"), unknown.err());
    }
}

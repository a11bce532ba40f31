package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.service.AppHome;
import org.quotelab.service.annotators.AnnotatorSettings;
import org.quotelab.store.QuoteStore;

/** --annotator, assign and the assignees listed by batches, against a real store. */
class AssignCommandTest {
    @TempDir
    Path dir;


    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void importRecordsTheAnnotatorAndAssignListsAndReplacesAssignees() throws Exception {
        String home = dir.resolve("home").toString();
        Path a = Files.writeString(dir.resolve("day-a.csv"), "quote_id,quote_text,label\nq1,hi,1\nq2,there,\n");
        Path b = Files.writeString(dir.resolve("day-b.csv"), "quote_id,quote_text,label\nq3,more,0\n");
        assertEquals(0, run("import", "--home", home, "--annotator", "ann", a.toString()).code());
        // without --annotator: the name saved on this machine
        new AnnotatorSettings(Path.of(home)).save("bob");
        assertEquals(0, run("import", "--home", home, b.toString()).code());

        long dayA;
        long dayB;
        try (QuoteStore store = QuoteStore.open(new AppHome(Path.of(home)).database())) {
            dayA = store.batches().list().get(0).id();
            dayB = store.batches().list().get(1).id();
            var quotes = store.quotes().page(null, 0, 10).items();
            assertEquals("ann", store.labels().current(quotes.get(0).id()).orElseThrow().updatedBy());
            assertEquals("bob", store.labels().current(quotes.get(2).id()).orElseThrow().updatedBy());
        }

        CliRun assign = run("assign", "--home", home, "--batch", String.valueOf(dayA), "--to", "cat, dan");
        assertEquals(0, assign.code(), assign.err());
        assertTrue(assign.out().contains("batch " + dayA + " assigned to cat, dan"), assign.out());
        CliRun batches = run("batches", "--home", home);
        assertTrue(batches.out().contains("assigned to"), batches.out());
        List<String> lines = batches.out().lines().toList();
        assertTrue(lines.get(1).endsWith("cat,dan"), lines.get(1));
        assertTrue(!lines.get(2).contains("cat"), lines.get(2));

        assertEquals(0, run("assign", "--home", home, "--batch", String.valueOf(dayA), "--nobody").code());
        assertTrue(!run("batches", "--home", home).out().contains("cat,dan"));

        CliRun badName = run("assign", "--home", home, "--batch", String.valueOf(dayB), "--to", "ann,,bob");
        assertEquals(2, badName.code());
        assertTrue(badName.err().contains("--to: an annotator name must not be empty"), badName.err());
        CliRun noBatch = run("assign", "--home", home, "--batch", "999", "--to", "ann");
        assertEquals(1, noBatch.code());
        assertTrue(noBatch.err().contains("no batch 999 in this project"), noBatch.err());
        CliRun neither = run("assign", "--home", home, "--batch", String.valueOf(dayB));
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("either --to"), neither.err());
    }
}

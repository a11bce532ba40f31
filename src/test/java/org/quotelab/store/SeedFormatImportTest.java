package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.domain.quote.TopicCount;
import org.quotelab.store.StoreFixture.StoreKind;

/** Files in the seed pipeline's own shape (see {@link SeedCsv}) go in whole, with exactly their rows. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class SeedFormatImportTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    QuoteStore store;

    @BeforeEach
    void open() {
        store = StoreFixture.open(kind, dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest(name = "bom={0} crlf={1} multiline every {2}")
    @CsvSource({"false,false,0", "true,false,0", "false,true,0", "true,true,7", "false,false,3"})
    void acceptsSeedExportsWithExactlyTheirRows(boolean bom, boolean crlf, int multiline) throws Exception {
        SeedCsv seed = new SeedCsv();
        seed.bom = bom;
        seed.crlf = crlf;
        seed.multilineEvery = multiline;
        Path f = dir.resolve("seed.csv");
        seed.write(f, 120);
        ImportResult r = store.importer().importFile(f, ImportOptions.defaults());
        assertEquals(120, r.rows());
        assertEquals(120, r.labelled());
        assertEquals(120, store.quotes().count());
        List<QuoteRow> rows = store.quotes().review(QuoteFilter.all(), 0, 200).items();
        for (int i = 0; i < rows.size(); i++) {
            QuoteRow row = rows.get(i);
            assertEquals("s" + i, row.quote().externalId());
            assertEquals(SeedCsv.topicOf(i), row.label().label().topic(), "row " + i);
            assertEquals(SeedCsv.topicOf(i) == null ? 0 : 1, row.label().label().label());
        }
        Quote q = rows.get(1).quote();
        assertTrue(q.originalText().startsWith("The screen"), q.originalText());
        assertTrue(q.text().startsWith("the screen"), q.text());
        assertEquals(q.originalText(), q.displayText());
        if (multiline > 0) {
            assertTrue(q.originalText().contains("\nSecond line, with \"quotes\".\n"), q.originalText());
        }
        assertTrue(store.labels().topics().stream().map(TopicCount::topic).noneMatch(t -> t.contains(".")),
                "topic ids are stored as integers");
    }

    @Test
    void floatAndIntegerTopicIdsAreOneTopic() throws Exception {
        Path a = StoreFixture.write(dir, "a.csv", "quote_id,quote_text,label,topic_id\n"
                + "a1,Battery died,1,602.0\na2,Hello,0,0.0\na3,Not labelled yet,,\n");
        Path b = StoreFixture.write(dir, "b.csv", "quote_id,quote_text,label,topic_id\n"
                + "b1,Battery died again,1,602\nb2,Screen cracked,1, 543.00 \nb3,Hi,0,0\n");
        store.importer().importFile(a, ImportOptions.defaults());
        store.importer().importFile(b, ImportOptions.defaults());
        assertEquals(List.of("602", "543"), store.labels().topics().stream().map(TopicCount::topic).toList());
        assertEquals(List.of(2L, 1L), store.labels().topics().stream().map(TopicCount::count).toList());
    }

    @Test
    void topicNamesStayAsWrittenButTrimmed() throws Exception {
        Path f = StoreFixture.write(dir, "names.csv", "quote_id,quote_text,label,topic\n"
                + "n1,Battery died,1,  Battery life \nn2,Screen,1,battery life\nn3,Nine,1,9.0\n");
        store.importer().importFile(f, ImportOptions.defaults());
        // new topics of one file join the schema in natural order
        assertEquals(List.of("9", "Battery life", "battery life"),
                store.labels().topics().stream().map(TopicCount::topic).toList());
    }

    @Test
    void bothTextsAreKeptAndOneTextColumnKeepsNoCopy() throws Exception {
        Path f = StoreFixture.write(dir, "texts.csv", "quote_id,quote_text,processed_text\n"
                + "t1,\"Great, really great!\",great really great\n"
                + "t2,Same text,Same text\n"
                + "t3,Only the original,\n");
        store.importer().importFile(f, ImportOptions.defaults());
        List<Quote> q = store.quotes().page(null, 0, 10).items();
        assertEquals("great really great", q.get(0).text());
        assertEquals("Great, really great!", q.get(0).originalText());
        assertEquals("Great, really great!", q.get(0).displayText());
        assertNull(q.get(1).originalText(), "an identical original is not stored twice");
        assertEquals("Only the original", q.get(2).text());
        assertNull(q.get(2).originalText());
    }

    @Test
    void fiveThousandRowsImportWhole() throws Exception {
        SeedCsv seed = new SeedCsv();
        seed.crlf = true;
        seed.multilineEvery = 50;
        Path f = dir.resolve("seed-5000.csv");
        seed.write(f, 5_000);
        ImportResult r = store.importer().importFile(f, ImportOptions.defaults());
        assertEquals(5_000, r.rows());
        assertEquals(5_000, store.quotes().count());
        assertEquals(5, store.labels().topics().size());
    }

    @Test
    void aBadRowNearTheEndOfFiveThousandIsReportedOnItsOwnLine() throws Exception {
        SeedCsv seed = new SeedCsv();
        seed.multilineEvery = 25; // records and lines differ: the message must name the line
        seed.edit(4_900, c -> {
            c.set(SeedCsv.TOPIC, "602.5");
            return c;
        });
        Path f = dir.resolve("seed-bad-late.csv");
        long[] lines = seed.write(f, 5_000);
        assertTrue(lines[4_900] > 4_990, "the record starts on line " + lines[4_900]);
        String before = StoreFixture.snapshot(store);
        ImportException e = assertThrows(ImportException.class, () -> store.importer().importFile(f, ImportOptions.defaults()));
        assertEquals("seed-bad-late.csv, line " + lines[4_900] + ", column 6 'topic_id': a topic id must be a whole"
                + " number of at least 1 (0 = no topic), not '602.5'", e.getMessage());
        assertEquals(before, StoreFixture.snapshot(store));
    }

    @Test
    void anUnterminatedQuoteNearTheEndIsReportedWhereItsRecordStarts() throws Exception {
        SeedCsv seed = new SeedCsv();
        seed.multilineEvery = 40;
        seed.dims = 16;
        Path f = dir.resolve("seed-open-quote.csv");
        long[] lines = seed.write(f, 5_000);
        // cut the file inside the last record's quoted embedding: its closing quote never comes
        String text = java.nio.file.Files.readString(f);
        int cut = text.lastIndexOf(", ", text.lastIndexOf(']'));
        java.nio.file.Files.writeString(f, text.substring(0, cut) + "\n");
        String before = StoreFixture.snapshot(store);
        ImportException e = assertThrows(ImportException.class, () -> store.importer().importFile(f, ImportOptions.defaults()));
        assertEquals(lines[4_999], e.error().line(), e.getMessage());
        assertEquals("7 'sbert_embedding'", e.error().column(), e.getMessage());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
        assertEquals(before, StoreFixture.snapshot(store));
    }
}

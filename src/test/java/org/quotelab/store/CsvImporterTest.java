package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.imports.ImportListener;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.imports.QuoteField;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.store.StoreFixture.StoreKind;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class CsvImporterTest {
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

    @Test
    void importsSeedColumnsWithBomCrlfAndQuotedFields() throws Exception {
        String csv = "\uFEFFUnnamed: 0,country_id,country_name,product_id,product_category,review_id,review_text,"
                + "quote_text,quote_id,topic_id,label,processed_text,sbert_embedding\r\n"
                + "0,FR,France,P1,phones,R1,\"Great, really \"\"great\"\"\r\nphone\",Great battery,q1,3,1,great battery,\"[0.1, 0.2]\"\r\n"
                + "1,DE,Germany,P2,phones,R2,ok,Shipping took ages,q2,0,0,,\r\n"
                + "2,DE,Germany,P2,phones,R2,ok,No label here,q3,,,no label here,\r\n";
        Path f = StoreFixture.write(dir, "day-01.csv", csv);
        ImportResult r = store.importer().importFile(f, ImportOptions.defaults());
        assertEquals(3, r.rows());
        assertEquals(2, r.labelled());
        Batch b = r.batches().get(0);
        assertEquals("day-01", b.day());
        assertEquals(3, b.rowCount());
        List<QuoteRow> rows = store.quotes().review(QuoteFilter.all(), 0, 10).items();
        Quote q1 = rows.get(0).quote();
        assertEquals("great battery", q1.text());
        assertEquals("Great, really \"great\"\r\nphone", q1.metadata().reviewText());
        assertEquals("France", q1.metadata().countryName());
        assertEquals("3", rows.get(0).label().label().topic());
        assertEquals("Shipping took ages", rows.get(1).quote().text()); // processed_text empty: falls back
        assertEquals(0, rows.get(1).label().label().label());
        assertNull(rows.get(2).label());
        assertEquals(64, b.contentHash().length());
        assertEquals(CsvImporter.contentHash(f), b.contentHash());
    }

    @Test
    void groupsBecomeBatchesInFileOrder() throws Exception {
        Path f = StoreFixture.write(dir, "stream.csv", StoreFixture.SHARED_HEADER + "\n"
                + "a,Food was great,1,FOOD,g1\nb,Hello,0,,g1\nc,Nice staff,1,SERVICE,g2\nd,\"multi\nline\",1,FOOD,g3\n");
        ImportResult r = store.importer().importFile(f, ImportOptions.defaults().withSplitGroups(true));
        assertEquals(List.of("g1", "g2", "g3"), r.batches().stream().map(Batch::day).toList());
        assertEquals(List.of(2, 1, 1), store.batches().list().stream().map(Batch::rowCount).toList());
        assertEquals(List.of("FOOD", "SERVICE"), store.labels().topics().stream().map(t -> t.topic()).toList());
    }

    @Test
    void reimportOfTheSameContentIsRefused() throws Exception {
        Path f = StoreFixture.write(dir, "a.csv", StoreFixture.SHARED_HEADER + "\nq1,text,1,FOOD,x\n");
        store.importer().importFile(f, ImportOptions.defaults());
        String before = StoreFixture.snapshot(store);
        Path copy = StoreFixture.write(dir, "renamed.csv", StoreFixture.SHARED_HEADER + "\nq1,text,1,FOOD,x\n");
        ImportException e = assertThrows(ImportException.class,
                () -> store.importer().importFile(copy, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("already imported"), e.getMessage());
        assertTrue(e.getMessage().startsWith("renamed.csv"), e.getMessage());
        assertEquals(before, StoreFixture.snapshot(store));
    }

    @Test
    void explicitMappingForOtherFiles() throws Exception {
        Path f = StoreFixture.write(dir, "other.csv", "id,sentence,note\n7,Screen is dim,whatever\n");
        ImportOptions opt = ImportOptions.defaults().withMapping(Map.of("id", QuoteField.EXTERNAL_ID,
                "sentence", QuoteField.TEXT, "note", QuoteField.IGNORED));
        store.importer().importFile(f, opt);
        Page<Quote> p = store.quotes().page(null, 0, 10);
        assertEquals("Screen is dim", p.items().get(0).text());
        assertEquals("7", p.items().get(0).externalId());
    }

    @Test
    void recordsStartLinesAcrossMultiLineFields() throws Exception {
        Path f = StoreFixture.write(dir, "lines.csv", StoreFixture.SHARED_HEADER + "\r\n"
                + "a,\"one\r\ntwo\r\nthree\",1,X,g\r\n\r\nb,fine,1,Y,g\r\nc,\"x\ny\",7,,g\r\n");
        ImportException e = assertThrows(ImportException.class,
                () -> store.importer().importFile(f, ImportOptions.defaults()));
        assertEquals(7, e.error().line(), e.getMessage());
        assertEquals("3 'label'", e.error().column());
    }

    @Test
    void cancellingRollsBack() throws Exception {
        Path f = BulkData.write(dir.resolve("big.csv"), 20_000, "x");
        String before = StoreFixture.snapshot(store);
        ImportException e = assertThrows(ImportException.class, () -> store.importer().importFile(f,
                ImportOptions.defaults(), new ImportListener() {
                    @Override
                    public boolean cancelled() {
                        return true;
                    }
                }));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertEquals(before, StoreFixture.snapshot(store));
    }
}

package org.quotelab.service.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreLocation;

class AgreementServiceTest {
    @TempDir
    Path dir;
    QuoteStore store;
    long[] ids;
    long day2;

    @BeforeEach
    void setUp() throws Exception {
        store = QuoteStore.open(new StoreLocation.H2File(dir.resolve("db").resolve("quotelab")));
        for (int day = 1; day <= 2; day++) {
            StringBuilder csv = new StringBuilder("quote_id,quote_text\n");
            for (int i = 4 * (day - 1); i < 4 * day; i++) {
                csv.append("q").append(i).append(",Quote number ").append(i).append('\n');
            }
            Path f = Files.writeString(dir.resolve("day-0" + day + ".csv"), csv);
            day2 = store.importer().importFile(f, ImportOptions.defaults()).batches().get(0).id();
        }
        ids = store.quotes().review(QuoteFilter.all(), 0, 20).items().stream().mapToLong(r -> r.quote().id()).toArray();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void label(int quote, String who, String value) {
        store.labels().set(ids[quote], value.equals("0") ? QuoteLabel.outOfTopic() : QuoteLabel.inTopic(value),
                LabelSource.EXPERT, who);
    }

    @Test
    void reportsAlphaKappaPerBatchAndClassAndListsTheDisagreements() {
        String[] ann = {"0", "BATTERY", "SCREEN", "0", "BATTERY", "0", "SCREEN", "0"};
        String[] bob = {"0", "BATTERY", "0", "0", "BATTERY", "SCREEN", "SCREEN", "0"};
        for (int i = 0; i < 8; i++) {
            label(i, "ann", ann[i]);
            label(i, "bob", bob[i]);
        }
        label(0, "cid", "0");
        AgreementService service = new AgreementService(store);
        AgreementSummary all = service.report(null);
        assertEquals(List.of("ann", "bob", "cid"), all.report().annotators());
        assertTrue(all.report().alpha().present());
        assertEquals(8, all.report().alpha().quotes());
        assertEquals(17, all.report().alpha().values());
        assertEquals(3, all.report().pairs().size());
        assertEquals(2, all.report().batches().size());
        assertEquals("day-01", all.day(all.report().batches().get(0).batchId()));

        List<DisagreeingQuote> dis = service.disagreements(all);
        assertEquals(List.of(ids[2], ids[5]), dis.stream().map(DisagreeingQuote::quoteId).toList());
        assertEquals(Map.of("ann", "SCREEN", "bob", "0"), dis.get(0).labels());
        assertEquals("Quote number 2", dis.get(0).text());

        AgreementSummary second = service.report(day2);
        assertEquals(4, second.report().alpha().quotes());
        assertEquals(List.of(ids[5]), second.report().disagreeingQuoteIds());

        Map<String, Object> json = AgreementJson.of(all);
        for (String key : List.of("alpha", "alpha_ci", "n_alpha", "n_values_alpha", "kappa_ann_bob", "kappa_ann_bob_ci",
                "n_kappa_ann_bob", "alpha_batch_day-01", "alpha_batch_day-02", "alpha_class_0", "alpha_class_BATTERY",
                "n_alpha_class_SCREEN")) {
            assertTrue(json.containsKey(key), key + " in " + json.keySet());
        }
        assertEquals(2, json.get("disagreeing_quotes"));
        // ann and cid share one quote, both out-of-topic: no figure, and the JSON says why
        assertNull(json.get("kappa_ann_cid"));
        assertTrue(json.get("kappa_ann_cid_reason").toString().contains("ann and cid"));
    }

    @Test
    void oneAnnotatorOnlyGivesNoFigureAndAnUnknownBatchIsRefused() {
        label(0, "ann", "0");
        label(1, "ann", "BATTERY");
        AgreementSummary s = new AgreementService(store).report(null);
        assertFalse(s.report().alpha().present());
        assertTrue(s.report().alpha().reason().contains("only ann"), s.report().alpha().reason());
        var e = assertThrows(IllegalArgumentException.class, () -> new AgreementService(store).report(99_999L));
        assertTrue(e.getMessage().contains("no batch 99999"), e.getMessage());
    }
}

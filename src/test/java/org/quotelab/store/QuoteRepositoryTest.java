package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.store.StoreFixture.StoreKind;

/** Keyset paging over 100,000 quotes and the Review filters. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteRepositoryTest {
    @Parameter
    StoreKind kind;

    private static final int ROWS = 100_000;
    QuoteStore store;

    @BeforeParameterizedClassInvocation(injectArguments = false)
    void setUp(@TempDir Path dir) throws Exception {
        store = StoreFixture.open(kind, dir);
        Path f = BulkData.write(dir.resolve("big.csv"), ROWS, "id");
        store.importer().importFile(f, ImportOptions.defaults().withSplitGroups(true));
    }

    @AfterParameterizedClassInvocation(injectArguments = false)
    void tearDown() {
        store.close();
    }

    @Test
    void pagesThroughAllRowsInIdOrder() {
        long after = 0;
        long seen = 0;
        long last = 0;
        long slowestPageNanos = 0;
        while (true) {
            long t = System.nanoTime();
            Page<Quote> p = store.quotes().page(null, after, 1_000);
            slowestPageNanos = Math.max(slowestPageNanos, System.nanoTime() - t);
            for (Quote q : p.items()) {
                assertTrue(q.id() > last);
                last = q.id();
            }
            seen += p.items().size();
            if (!p.hasMore()) {
                break;
            }
            after = p.nextAfterId();
        }
        assertEquals(ROWS, seen);
        assertEquals(ROWS, store.quotes().count());
        // keyset paging: no page pays for the rows before it
        assertTrue(slowestPageNanos < 2_000_000_000L, "slowest page " + slowestPageNanos / 1e6 + " ms");
    }

    @Test
    void batchesAndValidationSplit() {
        assertEquals(10, store.batches().list().size());
        var summaries = store.batches().summaries();
        assertEquals(10_000, summaries.get(3).batch().rowCount());
        double share = summaries.stream().mapToInt(s -> s.validation()).sum() / (double) ROWS;
        assertTrue(share > 0.18 && share < 0.22, "validation share " + share);
        long batch = summaries.get(2).batch().id();
        assertEquals(10_000, store.quotes().count(QuoteFilter.all().withBatch(batch)));
    }

    @Test
    void reviewFiltersOnPredictionsAndLabels() {
        ModelVersion s1 = store.models().create(1, null, "m/s1", "{}", "{}");
        ModelVersion s2 = store.models().create(2, null, "m/s2", "{}", "{}");
        Page<Quote> first = store.quotes().page(null, 0, 4);
        List<Quote> qs = first.items(); // labels: 0, 1/T1, 1/T2, 1/T3
        store.predictions().saveAll(List.of(
                new Prediction(qs.get(0).id(), s1.id(), s2.id(), 0.52, Map.of(), 1, "T5", 0.6),
                new Prediction(qs.get(1).id(), s1.id(), s2.id(), 0.90, Map.of("T1", 0.8, "T2", 0.2), 1, "T1", 0.8),
                new Prediction(qs.get(2).id(), s1.id(), s2.id(), 0.10, Map.of(), 0, null, 0.9)));
        QuoteFilter base = QuoteFilter.all().withModels(s1.id(), s2.id());
        assertEquals(List.of(qs.get(0).id()), ids(base.withUncertain(0.5, 0.05)));
        assertEquals(List.of(qs.get(2).id()), ids(base.withPredictedClass(QuoteFilter.OUT_OF_TOPIC)));
        assertEquals(List.of(qs.get(1).id()), ids(base.withPredictedClass("T1")));
        assertEquals(List.of(qs.get(0).id(), qs.get(2).id()), ids(base.withDisagreementOnly(true)));
        QuoteRow row = store.quotes().review(base, 0, 2).items().get(1);
        assertEquals(0.8, row.prediction().topicProbabilities().get("T1"));
        assertEquals("g0", row.batchDay());

        store.labels().set(qs.get(3).id(), null, LabelSource.EXPERT, "ann");
        assertEquals(1, store.quotes().count(QuoteFilter.all().withLabelled(false)));
        assertEquals(ROWS - 1, store.quotes().count(QuoteFilter.all().withLabelled(true)));
        store.labels().undoLast(qs.get(3).id(), "ann");
        assertEquals(0, store.quotes().count(QuoteFilter.all().withLabelled(false)));
    }

    private List<Long> ids(QuoteFilter f) {
        return store.quotes().review(f, 0, 100).items().stream().map(r -> r.quote().id()).toList();
    }
}

package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;

/** The unfamiliar score stored with predictions (V6) and the Review queue over it. */
class UnfamiliarQueueTest {

    @Test
    void scoresRoundTripAndTheQueueListsFlaggedQuotesMostUnfamiliarFirst(@TempDir Path dir) throws Exception {
        try (QuoteStore store = StoreFixture.open(dir)) {
            store.importer().importFile(BulkData.write(dir.resolve("q.csv"), 40, "id"), ImportOptions.defaults());
            ModelVersion s1 = store.models().create(1, null, "m/s1", "{}", "{}");
            ModelVersion s2 = store.models().create(2, null, "m/s2", "{}", "{}");
            List<Quote> qs = store.quotes().page(null, 0, 6).items();
            Double[] score = {2.0, 9.0, null, 7.5, 7.5, 12.0};
            Boolean[] flag = {false, true, null, true, true, true};
            List<Prediction> ps = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ps.add(new Prediction(qs.get(i).id(), s1.id(), s2.id(), 0.9, Map.of(), 1, "T1", 0.9)
                        .withUnfamiliar(score[i], flag[i]));
            }
            store.predictions().saveAll(ps);

            Prediction back = store.predictions().find(qs.get(1).id(), s1.id(), s2.id()).orElseThrow();
            assertEquals(9.0, back.unfamiliar());
            assertEquals(Boolean.TRUE, back.unfamiliarFlag());
            Prediction unknown = store.predictions().find(qs.get(2).id(), s1.id(), s2.id()).orElseThrow();
            assertNull(unknown.unfamiliar());
            assertNull(unknown.unfamiliarFlag());
            assertEquals(Boolean.FALSE, store.predictions().find(qs.get(0).id(), s1.id(), s2.id()).orElseThrow()
                    .unfamiliarFlag());

            QuoteFilter queue = QuoteFilter.all().withModels(s1.id(), s2.id()).withUnfamiliarOnly(true);
            List<Long> expected = List.of(qs.get(5).id(), qs.get(1).id(), qs.get(3).id(), qs.get(4).id());
            assertEquals(4, store.quotes().count(queue));
            for (int pageSize : new int[] {1, 2, 3, 100}) {
                assertEquals(expected, all(store, queue, pageSize), "page size " + pageSize);
            }
            QuoteRow first = store.quotes().review(queue, 0, 1).items().get(0);
            assertEquals(12.0, first.prediction().unfamiliar());
            // other filters still read in id order and carry the score
            QuoteRow plain = store.quotes().review(QuoteFilter.all().withModels(s1.id(), s2.id()), 0, 3).items().get(1);
            assertEquals(9.0, plain.prediction().unfamiliar());
        }
    }

    private static List<Long> all(QuoteStore store, QuoteFilter f, int pageSize) {
        List<Long> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            Page<QuoteRow> p = store.quotes().review(f, after, pageSize);
            p.items().forEach(r -> ids.add(r.quote().id()));
            if (!p.hasMore()) {
                return ids;
            }
            after = p.nextAfterId();
        }
    }
}

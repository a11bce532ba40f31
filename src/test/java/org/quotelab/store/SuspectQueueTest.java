package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.store.StoreFixture.StoreKind;

/** The label-suspects queue's SQL on both databases: per-class thresholds, most confident first, keyset pages. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class SuspectQueueTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void listsLabelledQuotesConfidentlyPredictedAsAnotherClass() throws Exception {
        try (QuoteStore store = StoreFixture.open(kind, dir)) {
            store.importer().importFile(StoreFixture.write(dir, "s.csv", StoreFixture.SHARED_HEADER + "\n"
                    + "a,one,1,T1,g\nb,two,1,T1,g\nc,three,0,,g\nd,four,1,T2,g\ne,five,1,T1,g\nf,six,,,g\ng,seven,1,T2,g\n"),
                    ImportOptions.defaults());
            ModelVersion s1 = store.models().create(1, null, "m/s1", "{}", "{}");
            ModelVersion s2 = store.models().create(2, null, "m/s2", "{}", "{}");
            List<Quote> q = store.quotes().page(null, 0, 10).items();
            // labels:           T1    T1    0     T2    T1    none  T2
            int[] label = {1, 1, 1, 0, 0, 1, 1};
            String[] topic = {"T2", "T1", "T1", null, null, "T2", "T1"};
            double[] conf = {0.80, 0.95, 0.55, 0.90, 0.65, 0.99, 0.70};
            List<Prediction> ps = new ArrayList<>();
            for (int i = 0; i < q.size(); i++) {
                ps.add(new Prediction(q.get(i).id(), s1.id(), s2.id(), 0.7, Map.of(), label[i], topic[i], conf[i]));
            }
            store.predictions().saveAll(ps);
            QuoteFilter queue = QuoteFilter.all().withModels(s1.id(), s2.id())
                    .withSuspects(Map.of(QuoteFilter.OUT_OF_TOPIC, 0.6, "T1", 0.5, "T2", 0.75));
            // a: T1 -> T2 0.80 >= 0.75 yes; b agrees; c: 0 -> T1 0.55 >= 0.5 yes; d: T2 -> out 0.90 >= 0.6 yes;
            // e: T1 -> out 0.65 >= 0.6 yes; f unlabelled; g: T2 -> T1 0.70 >= 0.5 yes
            List<Long> expected = List.of(q.get(3).id(), q.get(0).id(), q.get(6).id(), q.get(4).id(), q.get(2).id());
            assertEquals(5, store.quotes().count(queue));
            for (int pageSize : new int[] {1, 2, 100}) {
                assertEquals(expected, all(store, queue, pageSize), "page size " + pageSize);
            }
            // stricter thresholds drop the weaker ones; a class without a threshold never counts
            QuoteFilter strict = queue.withSuspects(Map.of(QuoteFilter.OUT_OF_TOPIC, 0.95, "T2", 0.8));
            assertEquals(List.of(q.get(0).id()), all(store, strict, 10));
            assertEquals(1, store.quotes().count(strict.withBatch(q.get(0).batchId())));
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

package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.store.StoreFixture.StoreKind;

/** The quote-id filter keeps exactly the listed quotes, combined with the other filters, in pages and counts. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class QuoteIdFilterTest {
    @Parameter
    StoreKind kind;


    @Test
    void keepsExactlyTheListedQuotes(@TempDir Path dir) throws Exception {
        try (QuoteStore store = StoreFixture.open(kind, dir)) {
            store.importer().importFile(BulkData.write(dir.resolve("q.csv"), 3000, "id"), ImportOptions.defaults());
            List<Long> all = store.quotes().page(null, 0, 3000).items().stream().map(q -> q.id()).toList();
            List<Long> wanted = List.of(all.get(2999), all.get(5), all.get(1200), all.get(7));
            QuoteFilter f = QuoteFilter.all().withQuoteIds(wanted);
            assertEquals(4, store.quotes().count(f));
            List<Long> page1 = store.quotes().review(f, 0, 3).items().stream().map(r -> r.quote().id()).toList();
            assertEquals(List.of(all.get(5), all.get(7), all.get(1200)), page1);
            var page2 = store.quotes().review(f, all.get(1200), 3);
            assertEquals(List.of(all.get(2999)), page2.items().stream().map(r -> r.quote().id()).toList());
            assertEquals(0, store.quotes().count(QuoteFilter.all().withQuoteIds(List.of())));
            long labelled = wanted.stream().filter(id -> store.labels().current(id).isPresent()).count();
            assertEquals(labelled, store.quotes().count(f.withLabelled(true)));
            assertEquals(3000, store.quotes().count(f.withQuoteIds(null)));
        }
    }
}

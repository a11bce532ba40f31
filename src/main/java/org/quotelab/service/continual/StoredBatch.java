package org.quotelab.service.continual;

import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.store.QuoteStore;

/** The labelled quotes of one stored batch, split by the store's validation flag, with their labels. */
record StoredBatch(Batch batch, List<Item> train, List<Item> validation) {

    record Item(long id, String text, QuoteLabel label) {
    }

    private static final int PAGE = 1000;

    static StoredBatch load(QuoteStore store, Batch batch) {
        List<Item> train = new ArrayList<>();
        List<Item> validation = new ArrayList<>();
        QuoteFilter filter = QuoteFilter.all().withBatch(batch.id()).withLabelled(true);
        long after = 0;
        while (true) {
            Page<QuoteRow> page = store.quotes().review(filter, after, PAGE);
            for (QuoteRow r : page.items()) {
                Item item = new Item(r.quote().id(), r.quote().text(), r.label().label());
                (r.quote().validation() ? validation : train).add(item);
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return new StoredBatch(batch, train, validation);
            }
            after = page.nextAfterId();
        }
    }

    /** Stage 1 learns in-topic "1" vs "0"; stage 2 the topic, with "0" (not pertinent) for out-of-topic quotes. */
    static List<LabelledQuote> forStage(List<Item> items, int stage) {
        return items.stream().map(i -> new LabelledQuote(i.id(), i.text(), stage == 1
                ? (i.label().inTopic() ? "1" : "0")
                : (i.label().inTopic() ? i.label().topic() : "0"))).toList();
    }
}

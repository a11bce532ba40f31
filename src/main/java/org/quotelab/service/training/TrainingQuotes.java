package org.quotelab.service.training;

import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.store.QuoteStore;

/**
 * The labelled quotes a full fine-tune learns: every labelled quote outside the store's
 * validation part, which stays held out for the Threshold view and the evaluations.
 */
final class TrainingQuotes {

    static final QuoteFilter FILTER = QuoteFilter.all().withLabelled(true).withValidation(false);
    private static final int PAGE = 1000;

    private TrainingQuotes() {
    }

    static List<LabelledText> load(QuoteStore store) {
        return load(store, new ArrayList<>());
    }

    /** As {@link #load(QuoteStore)}, adding each quote's id to {@code ids} in the same order. */
    static List<LabelledText> load(QuoteStore store, List<Long> ids) {
        List<LabelledText> out = new ArrayList<>();
        long after = 0;
        while (true) {
            Page<QuoteRow> page = store.quotes().review(FILTER, after, PAGE);
            for (QuoteRow r : page.items()) {
                QuoteLabel l = r.label().label();
                out.add(new LabelledText(r.quote().text(), l.inTopic(), l.topic()));
                ids.add(r.quote().id());
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return out;
            }
            after = page.nextAfterId();
        }
    }

    /** Stage 1 needs both kinds of quote and stage 2 at least one topic. */
    static void requireTrainable(List<LabelledText> quotes) {
        long in = quotes.stream().filter(LabelledText::inTopic).count();
        if (quotes.isEmpty()) {
            throw new IllegalStateException("no labelled quotes to learn from: label some in Review first");
        }
        if (in == 0 || in == quotes.size()) {
            throw new IllegalStateException("stage 1 needs both in-topic and out-of-topic labelled quotes; found "
                    + in + " in-topic of " + quotes.size());
        }
    }
}

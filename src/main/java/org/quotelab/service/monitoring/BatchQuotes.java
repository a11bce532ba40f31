package org.quotelab.service.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.service.review.RowScorer;
import org.quotelab.store.QuoteStore;

/**
 * Reads a batch's quotes with labels and the active cascade's cached predictions, page by page,
 * scoring and storing the missing predictions first, so the figures never rest on a partial batch.
 */
final class BatchQuotes {
    private static final int PAGE = 1000;
    private static final int SCORE_STEP = 128;

    private final QuoteStore store;
    private final RowScorer scorer;

    BatchQuotes(QuoteStore store, RowScorer scorer) {
        this.store = store;
        this.scorer = scorer;
    }

    /** Streams the batch's quotes page by page into {@code sink}, scoring and storing missing predictions. */
    void forEach(long batchId, CascadeVersions.Active active, Consumer<ScoredQuote> sink, ProgressSink progress,
                 CancellationToken cancel) throws Exception {
        QuoteFilter filter = QuoteFilter.all().withBatch(batchId).withModels(active.stage1().id(), active.stage2().id());
        long after = 0;
        while (true) {
            cancel.throwIfCancelled();
            Page<QuoteRow> page = store.quotes().review(filter, after, PAGE);
            Map<Long, Prediction> scored = scoreMissing(page.items(), progress, cancel);
            for (QuoteRow r : page.items()) {
                Prediction p = r.prediction() != null ? r.prediction() : scored.get(r.quote().id());
                Quote q = r.quote();
                // metadata (the whole review) is not needed here and can be long
                sink.accept(new ScoredQuote(new Quote(q.id(), q.batchId(), q.externalId(), q.text(), null,
                        q.validation()), r.label() == null ? null : r.label().label(), p));
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return;
            }
            after = page.nextAfterId();
        }
    }

    private Map<Long, Prediction> scoreMissing(List<QuoteRow> rows, ProgressSink progress, CancellationToken cancel)
            throws Exception {
        List<Quote> missing = rows.stream().filter(r -> r.prediction() == null).map(QuoteRow::quote).toList();
        Map<Long, Prediction> scored = new HashMap<>();
        if (missing.isEmpty() || !scorer.available()) {
            return scored;
        }
        for (int from = 0; from < missing.size(); from += SCORE_STEP) {
            cancel.throwIfCancelled();
            List<Prediction> got = scorer.score(missing.subList(from, Math.min(missing.size(), from + SCORE_STEP)),
                    cancel);
            store.predictions().saveAll(got);
            got.forEach(p -> scored.put(p.quoteId(), p));
            progress.update(-1, "scoring " + missing.size() + " unscored quotes");
        }
        return scored;
    }
}

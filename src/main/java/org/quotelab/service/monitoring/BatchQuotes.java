package org.quotelab.service.monitoring;

import java.util.function.Consumer;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;

/**
 * Reads a batch's quotes with labels and the active cascade's cached predictions, page by page,
 * scoring and storing the missing predictions first, so the figures never rest on a partial batch.
 */
final class BatchQuotes {
    private static final int PAGE = 1000;

    private final QuoteStore store;
    private final PredictionCache predictions;

    BatchQuotes(QuoteStore store, PredictionCache predictions) {
        this.store = store;
        this.predictions = predictions;
    }

    /** Streams the batch's quotes page by page into {@code sink}, scoring and storing missing predictions. */
    void forEach(long batchId, CascadeVersions.Active active, Consumer<ScoredQuote> sink, ProgressSink progress,
                 CancellationToken cancel) throws Exception {
        QuoteFilter filter = QuoteFilter.all().withBatch(batchId).withModels(active.stage1().id(), active.stage2().id());
        // the caller's progress spans all batches: a page's scoring only says what it does
        ProgressSink scoring = (fraction, message) -> progress.update(-1, message);
        OperatingPoint at = predictions.operatingPoint(active);
        long after = 0;
        while (true) {
            cancel.throwIfCancelled();
            Page<QuoteRow> page = store.quotes().review(filter, after, PAGE);
            for (QuoteRow r : predictions.ensureScored(active, page.items(), at, scoring, cancel)) {
                Quote q = r.quote();
                // metadata (the whole review) is not needed here and can be long
                sink.accept(new ScoredQuote(new Quote(q.id(), q.batchId(), q.externalId(), q.text(), null,
                        q.validation()), r.label() == null ? null : r.label().label(), r.prediction()));
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return;
            }
            after = page.nextAfterId();
        }
    }
}

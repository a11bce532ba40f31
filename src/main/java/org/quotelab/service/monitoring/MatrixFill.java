package org.quotelab.service.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.cascade.BatchScoring;
import org.quotelab.service.cascade.CascadeOutput;
import org.quotelab.service.cascade.CascadeScorer;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.service.cascade.OperatingPoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the missing cells of the forgetting matrix: each version with gaps is opened once and
 * scores the labelled validation quotes of the batches it lacks (cached predictions are reused,
 * new ones stored), then the cells are stored. Versions whose folder is gone are skipped.
 */
final class MatrixFill {
    private static final Logger LOG = LoggerFactory.getLogger(MatrixFill.class);
    private static final int PAGE = 1000;
    private static final int CHUNK = 64;

    private final QuoteStore store;
    private final MatrixCells cells;

    MatrixFill(QuoteStore store, MatrixCells cells) {
        this.store = store;
        this.cells = cells;
    }

    /** Returns the number of cells stored. */
    int fill(ForgettingMatrix m, ProgressSink progress, CancellationToken cancel) throws Exception {
        int stored = 0;
        int todo = m.missing();
        for (int i = 0; i < m.versions().size(); i++) {
            ForgettingMatrix.Version v = m.versions().get(i);
            List<Integer> gaps = new ArrayList<>();
            for (int j = 0; j < m.batches().size(); j++) {
                if (Double.isNaN(m.value(i, j))) {
                    gaps.add(j);
                }
            }
            if (gaps.isEmpty()) {
                continue;
            }
            if (!MatrixCells.onDisk(v)) {
                LOG.warn("version {} is not on disk any more ({}): its cells stay empty", v.name(), v.folder());
                continue;
            }
            CascadeVersions.Active pair = new CascadeVersions.Active(store.models().find(v.stage1Id()).orElseThrow(),
                    store.models().find(v.stage2Id()).orElseThrow(), Path.of(v.folder()));
            try (CascadeScorer scorer = CascadeScorer.open(pair.folder(), 128, CHUNK)) {
                OperatingPoint at = v.active() ? OperatingPoints.current(store, scorer.model())
                        : scorer.model().operatingPoint();
                for (int j : gaps) {
                    cancel.throwIfCancelled();
                    Batch b = m.batches().get(j);
                    progress.update((double) stored / Math.max(1, todo), "evaluating " + v.name() + " on " + b.day());
                    cells.store(v, b, evalQuotes(b, pair, scorer, at, cancel), scorer.model().topics());
                    stored++;
                }
            }
        }
        progress.update(1, stored + " cells computed");
        return stored;
    }

    private List<BatchFigures.Outcome> evalQuotes(Batch b, CascadeVersions.Active pair, CascadeScorer scorer, OperatingPoint at,
                                         CancellationToken cancel) {
        QuoteFilter filter = QuoteFilter.all().withBatch(b.id()).withValidation(true).withLabelled(true)
                .withModels(pair.stage1().id(), pair.stage2().id());
        List<QuoteRow> rows = new ArrayList<>();
        long after = 0;
        while (true) {
            Page<QuoteRow> page = store.quotes().review(filter, after, PAGE);
            rows.addAll(page.items());
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
            after = page.nextAfterId();
        }
        List<Quote> missing = rows.stream().filter(r -> r.prediction() == null).map(QuoteRow::quote).toList();
        java.util.Map<Long, Prediction> scored = new java.util.HashMap<>();
        for (int from = 0; from < missing.size(); from += CHUNK) {
            cancel.throwIfCancelled();
            List<Quote> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
            CascadeOutput out = scorer.score(chunk.stream().map(Quote::text).toList());
            List<Prediction> p = BatchScoring.predictions(chunk, out, pair, at);
            store.predictions().saveAll(p);
            p.forEach(x -> scored.put(x.quoteId(), x));
        }
        List<BatchFigures.Outcome> out = new ArrayList<>(rows.size());
        for (QuoteRow r : rows) {
            Prediction p = r.prediction() != null ? r.prediction() : scored.get(r.quote().id());
            ScoredQuote q = new ScoredQuote(r.quote(), r.label().label(), p);
            out.add(new BatchFigures.Outcome(q.truth(), q.predicted()));
        }
        return out;
    }
}

package org.quotelab.service.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the missing cells of the forgetting matrix: each version with gaps scores the labelled
 * validation quotes of the batches it lacks (cached predictions are reused, new ones stored), then
 * the cells are stored. Versions whose folder is gone are skipped.
 */
final class MatrixFill {
    private static final Logger LOG = LoggerFactory.getLogger(MatrixFill.class);

    private final QuoteStore store;
    private final MatrixCells cells;
    private final PredictionCache predictions;

    MatrixFill(QuoteStore store, MatrixCells cells, PredictionCache predictions) {
        this.store = store;
        this.cells = cells;
        this.predictions = predictions;
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
            CascadeModel model = CascadeModel.read(pair.folder());
            // an earlier version is judged where it was recommended to decide, the active one where it decides now
            OperatingPoint at = v.active() ? predictions.operatingPoint(pair) : model.operatingPoint();
            for (int j : gaps) {
                cancel.throwIfCancelled();
                Batch b = m.batches().get(j);
                progress.update((double) stored / Math.max(1, todo), "evaluating " + v.name() + " on " + b.day());
                List<QuoteRow> rows = predictions.readScored(pair, QuoteFilter.all().withBatch(b.id())
                        .withValidation(true).withLabelled(true), at, ProgressSink.NONE, cancel);
                List<BatchFigures.Outcome> outcomes = new ArrayList<>(rows.size());
                for (QuoteRow r : rows) {
                    ScoredQuote q = new ScoredQuote(r.quote(), r.label().label(), r.prediction());
                    outcomes.add(new BatchFigures.Outcome(q.truth(), q.predicted()));
                }
                cells.store(v, b, outcomes, model.topics());
                stored++;
            }
        }
        progress.update(1, stored + " cells computed");
        return stored;
    }
}

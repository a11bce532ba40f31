package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quotelab.domain.cascade.CascadePrediction;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;

/**
 * The stored predictions of a cascade pair, scored on demand: every view and command that needs
 * predictions comes here, so views never run the network for quotes already scored.
 *
 * <p>The models come from the workbench's {@link LoadedModels}: one loaded copy per version,
 * shared with evaluation, Monitoring and the update's evaluations, kept while it is
 * among the last few used and closed when an activation replaces it. Calls into the model are
 * serialised, one step at a time; between steps another job (Review's page while an evaluation
 * runs) gets its turn.
 */
public final class PredictionCache implements AutoCloseable {

    /** Quotes scored and stored together: what a cancel waits for and a crash loses at most. */
    static final int STEP = 128;
    private static final int BATCH_PAGE = 256;
    private static final int READ_PAGE = 1000;

    /** Work on the opened scorer of a pair, run while no other job uses it. */
    @FunctionalInterface
    public interface ScorerWork<T> {
        T run(CascadeScorer scorer) throws IOException;
    }

    private final QuoteStore store;
    private final LoadedModels models;
    private CascadeModel model; // guarded by this: the last pair's cascade.json
    private Path modelFolder; // guarded by this

    /** {@code models}: the workbench's loaded models, shared with every other user of the same versions. */
    public PredictionCache(QuoteStore store, LoadedModels models) {
        this.store = store;
        this.models = models;
    }

    /** Where the models come from: shared with every other user of the same versions. */
    public LoadedModels models() {
        return models;
    }

    /** The active pair, if both stages have an active version. */
    public Optional<CascadeVersions.Active> active() {
        return new CascadeVersions(store).active();
    }

    /** The point {@code pair} decides at now: the one in force ({@link OperatingPoints#current}). */
    public OperatingPoint operatingPoint(CascadeVersions.Active pair) throws IOException {
        return OperatingPoints.current(store, CascadeModel.read(pair.folder()));
    }

    /**
     * {@code rows} in their order, each with its prediction of {@code pair}: the cached ones as they
     * are, the missing ones scored at {@code at} and stored, a step at a time. The rows must have
     * been read with a filter on the pair's versions, so that a row's prediction is one of this pair.
     */
    public List<QuoteRow> ensureScored(CascadeVersions.Active pair, List<QuoteRow> rows, OperatingPoint at,
            ProgressSink progress, CancellationToken cancel) throws IOException {
        List<Quote> missing = rows.stream().filter(r -> r.prediction() == null).map(QuoteRow::quote).toList();
        Map<Long, Prediction> scored = new HashMap<>();
        for (int from = 0; from < missing.size(); from += STEP) {
            cancel.throwIfCancelled();
            scoreAndStore(pair, missing.subList(from, Math.min(missing.size(), from + STEP)), at)
                    .forEach(p -> scored.put(p.quoteId(), p));
            progress.update((double) scored.size() / missing.size(),
                    "scoring quotes without a cached prediction: " + scored.size() + " of " + missing.size());
        }
        if (scored.isEmpty()) {
            return rows;
        }
        List<QuoteRow> out = new ArrayList<>(rows.size());
        for (QuoteRow r : rows) {
            out.add(r.prediction() != null ? r
                    : r.withPrediction(scored.get(r.quote().id())));
        }
        return out;
    }

    /**
     * As {@link #ensureScored(CascadeVersions.Active, List, OperatingPoint, ProgressSink,
     * CancellationToken)} for the active pair at the point in force; without an active pair the
     * rows as they are.
     */
    public List<QuoteRow> ensureScored(List<QuoteRow> rows, ProgressSink progress, CancellationToken cancel)
            throws IOException {
        Optional<CascadeVersions.Active> active = active();
        return active.isEmpty() ? rows
                : ensureScored(active.get(), rows, operatingPoint(active.get()), progress, cancel);
    }

    /** Every row of {@code filter} with its prediction of {@code pair}, as {@link #ensureScored} gives it. */
    public List<QuoteRow> readScored(CascadeVersions.Active pair, QuoteFilter filter, OperatingPoint at,
            ProgressSink progress, CancellationToken cancel) throws IOException {
        return ensureScored(pair, read(pair, filter, cancel), at, progress, cancel);
    }

    /** Every row of {@code filter} with its cached prediction of {@code pair} (null where there is none). */
    public List<QuoteRow> read(CascadeVersions.Active pair, QuoteFilter filter, CancellationToken cancel) {
        QuoteFilter f = filter.withModels(pair.stage1().id(), pair.stage2().id());
        List<QuoteRow> rows = new ArrayList<>();
        long after = 0;
        while (true) {
            cancel.throwIfCancelled();
            Page<QuoteRow> page = store.quotes().review(f, after, READ_PAGE);
            rows.addAll(page.items());
            if (!page.hasMore() || page.items().isEmpty()) {
                return rows;
            }
            after = page.nextAfterId();
        }
    }

    /**
     * Scores every quote of the batch (all batches when null) with the active cascade, scored
     * before or not, and stores the predictions page by page: memory stays flat for any batch size,
     * and a cancel keeps the pages already stored (each is complete and valid on its own).
     *
     * @return the number of quotes scored
     */
    public long scoreBatch(Long batchId, ProgressSink progress, CancellationToken cancel) throws IOException {
        CascadeVersions.Active active = active()
                .orElseThrow(() -> new IllegalStateException("no active cascade: train or activate models first"));
        OperatingPoint at = operatingPoint(active);
        long total = batchId == null ? store.quotes().count() : store.quotes().count(QuoteFilter.all().withBatch(batchId));
        long done = 0;
        long after = 0;
        while (true) {
            cancel.throwIfCancelled();
            Page<Quote> page = store.quotes().page(batchId, after, BATCH_PAGE);
            if (page.items().isEmpty()) {
                return done;
            }
            scoreAndStore(active, page.items(), at);
            done += page.items().size();
            progress.update(total == 0 ? 1 : (double) done / total, "scored " + done + " of " + total + " quotes");
            if (!page.hasMore()) {
                return done;
            }
            after = page.nextAfterId();
        }
    }

    /** Runs {@code work} on the scorer of {@code pair}, its stages loaded first unless they are loaded. */
    public synchronized <T> T withScorer(CascadeVersions.Active pair, ScorerWork<T> work) throws IOException {
        if (model == null || !pair.folder().equals(modelFolder)) {
            model = CascadeModel.read(pair.folder());
            modelFolder = pair.folder();
        }
        try (CascadeScorer scorer = CascadeScorer.shared(models, pair.folder(), model)) {
            return work.run(scorer);
        }
    }

    private List<Prediction> scoreAndStore(CascadeVersions.Active pair, List<Quote> quotes, OperatingPoint at)
            throws IOException {
        CascadeOutput out = withScorer(pair, s -> s.score(quotes.stream().map(Quote::text).toList()));
        List<Prediction> list = new ArrayList<>(quotes.size());
        for (int i = 0; i < quotes.size(); i++) {
            list.add(CascadePrediction.decide(quotes.get(i).id(), pair.stage1().id(), pair.stage2().id(),
                    out.pInTopic()[i], CascadePrediction.probabilities(out.stage2()[i], out.topics()), out.topics(), at)
                    .withUnfamiliar(out.unfamiliar(i), out.unfamiliarFlag(i)));
        }
        store.predictions().saveAll(list);
        return list;
    }

    /** Closes the models nobody uses now; a later call loads them again. */
    @Override
    public void close() {
        models.closeIdle();
    }
}

package org.quotelab.service.cascade;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.service.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.service.review.RowScorer;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Review table's scorer: the active cascade of the store. Opening a cascade loads two BERT
 * models, so scorers are kept open and reused; each job borrows one for the length of a call
 * (a scorer is not shared by two threads at once), so at most one is open per job thread. They
 * are closed when the active versions change and when the workbench closes.
 */
public final class CascadeRowScorer implements RowScorer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CascadeRowScorer.class);
    private static final int MAX_LENGTH = 128;
    private static final int BATCH = 32;

    private final QuoteStore store;
    private final CascadeVersions versions;
    private final Deque<CascadeScorer> idle = new ArrayDeque<>();
    /** The active pair the idle scorers were opened for; null before the first call. */
    private String openedFor;
    private boolean closed;

    public CascadeRowScorer(QuoteStore store) {
        this.store = store;
        this.versions = new CascadeVersions(store);
    }

    /** Reads the store: call it from a job. */
    @Override
    public boolean available() {
        return !closed && versions.active().isPresent();
    }

    @Override
    public List<Prediction> score(List<Quote> quotes, CancellationToken cancel) throws IOException {
        Optional<CascadeVersions.Active> found = versions.active();
        if (found.isEmpty() || quotes.isEmpty()) {
            return List.of();
        }
        CascadeVersions.Active active = found.get();
        double threshold = store.settings().getDouble(SettingsRepository.STAGE1_THRESHOLD, 0.5);
        CascadeScorer scorer = borrow(active);
        boolean ok = false;
        try {
            List<Prediction> out = new ArrayList<>(quotes.size());
            for (int from = 0; from < quotes.size(); from += BATCH) {
                if (cancel.isCancelled()) {
                    break; // the caller stores what is done: each prediction is valid on its own
                }
                List<Quote> chunk = quotes.subList(from, Math.min(quotes.size(), from + BATCH));
                CascadeOutput o = scorer.score(chunk.stream().map(Quote::text).toList());
                out.addAll(BatchScoring.predictions(chunk, o, active, threshold));
            }
            ok = true;
            return out;
        } finally {
            giveBack(active, scorer, ok);
        }
    }

    /** Scores and stores {@code quotes}, reporting progress; returns the predictions stored. */
    public List<Prediction> scoreAndStore(List<Quote> quotes, ProgressSink progress, CancellationToken cancel)
            throws IOException {
        List<Prediction> all = new ArrayList<>(quotes.size());
        int step = 128;
        for (int from = 0; from < quotes.size(); from += step) {
            cancel.throwIfCancelled();
            List<Prediction> p = score(quotes.subList(from, Math.min(quotes.size(), from + step)), cancel);
            store.predictions().saveAll(p);
            all.addAll(p);
            progress.update((double) all.size() / quotes.size(), "scored " + all.size() + " of " + quotes.size());
        }
        return all;
    }

    private static String key(CascadeVersions.Active a) {
        return a.stage1().id() + "/" + a.stage2().id();
    }

    private CascadeScorer borrow(CascadeVersions.Active active) throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the workbench is closing");
            }
            if (!key(active).equals(openedFor)) {
                closeIdle();
                openedFor = key(active);
            }
            CascadeScorer s = idle.pollFirst();
            if (s != null) {
                return s;
            }
        }
        LOG.info("opening cascade {} (stage 1 v{}, stage 2 v{})", active.folder(), active.stage1().id(),
                active.stage2().id());
        return CascadeScorer.open(active.folder(), MAX_LENGTH, BATCH);
    }

    private void giveBack(CascadeVersions.Active active, CascadeScorer scorer, boolean healthy) {
        synchronized (this) {
            if (healthy && !closed && key(active).equals(openedFor)) {
                idle.push(scorer);
                return;
            }
        }
        scorer.close(); // versions changed (or closing) while it was in use
    }

    private void closeIdle() {
        while (!idle.isEmpty()) {
            idle.pop().close();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeIdle();
    }
}

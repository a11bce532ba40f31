package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.service.review.RowScorer;
import org.quotelab.store.QuoteStore;
import org.quotelab.domain.cascade.OperatingPoint;

/**
 * Scores the Review table's unscored rows with the active cascade. The scorer is opened once and
 * kept until the active versions change; calls are serialised because a loaded model is not
 * thread-safe and two scorers would double the memory for no gain on a laptop CPU.
 */
public final class CascadeRowScorer implements RowScorer, AutoCloseable {

    private static final int CHUNK = 64;

    private final QuoteStore store;
    private CascadeScorer scorer;
    private Path openFolder;

    public CascadeRowScorer(QuoteStore store) {
        this.store = store;
    }

    @Override
    public boolean available() {
        return new CascadeVersions(store).active().isPresent();
    }

    @Override
    public synchronized List<Prediction> score(List<Quote> quotes, CancellationToken cancel) throws IOException {
        Optional<CascadeVersions.Active> active = new CascadeVersions(store).active();
        if (active.isEmpty()) {
            return List.of();
        }
        CascadeScorer s = scorerFor(active.get().folder());
        OperatingPoint at = OperatingPoints.current(store, s.model());
        List<Prediction> out = new ArrayList<>(quotes.size());
        for (int from = 0; from < quotes.size() && !cancel.isCancelled(); from += CHUNK) {
            List<Quote> chunk = quotes.subList(from, Math.min(quotes.size(), from + CHUNK));
            CascadeOutput o = s.score(chunk.stream().map(Quote::text).toList());
            out.addAll(BatchScoring.predictions(chunk, o, active.get(), at));
        }
        return out;
    }

    /** Scores and stores {@code quotes} in steps, reporting progress; for views that need them all. */
    public List<Prediction> scoreAndStore(List<Quote> quotes, ProgressSink progress, CancellationToken cancel)
            throws IOException {
        List<Prediction> all = new ArrayList<>(quotes.size());
        int step = 4 * CHUNK;
        for (int from = 0; from < quotes.size(); from += step) {
            cancel.throwIfCancelled();
            List<Prediction> p = score(quotes.subList(from, Math.min(quotes.size(), from + step)), cancel);
            store.predictions().saveAll(p);
            all.addAll(p);
            progress.update((double) all.size() / quotes.size(), "scored " + all.size() + " of " + quotes.size());
        }
        return all;
    }

    private CascadeScorer scorerFor(Path folder) throws IOException {
        if (scorer == null || !folder.equals(openFolder)) {
            close();
            scorer = CascadeScorer.open(folder, 128, CHUNK);
            openFolder = folder;
        }
        return scorer;
    }

    @Override
    public synchronized void close() {
        if (scorer != null) {
            scorer.close();
            scorer = null;
            openFolder = null;
        }
    }
}

package org.quotelab.service.review;

import java.util.List;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.jobs.CancellationToken;

/**
 * Scores quotes the Review table shows that have no cached prediction for the active models.
 * The ML side provides the real one (the batched cascade scorer); until it is wired, {@link #NONE}
 * leaves rows "not scored" rather than inventing predictions.
 */
public interface RowScorer {

    /** Whether there is anything to score with (an active stage-1 model and a loaded scorer). */
    boolean available();

    /**
     * Predictions of the active versions for {@code quotes}, called on a job thread; the caller
     * stores them. May return fewer than asked (e.g. when cancelled).
     */
    List<Prediction> score(List<Quote> quotes, CancellationToken cancel) throws Exception;

    RowScorer NONE = new RowScorer() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public List<Prediction> score(List<Quote> quotes, CancellationToken cancel) {
            return List.of();
        }
    };
}

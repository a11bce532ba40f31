package org.quotelab.service.review;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.quote.AnnotatorFilter;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.quote.LabelledBy;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelUpdates;
import org.quotelab.domain.quote.LabelWrite;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.domain.quote.TopicCount;
import org.quotelab.service.ReviewFilters;
import org.quotelab.service.cascade.OperatingPoints;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;

/**
 * The Review use cases: filtered keyset pages, the detail of a quote, and label edits with a
 * session undo stack. Every method touches the store, so the UI calls them from jobs. Edits and
 * undos are synchronized so the undo stack and the store agree on their order.
 */
public final class ReviewService {
    /** Half-width of the "uncertain" band around the stage-1 threshold. */
    public static final double UNCERTAIN_MARGIN = 0.1;

    private final QuoteStore store;
    private final String author;
    private final PredictionCache predictions;
    private final Deque<LabelChange> undoStack = new ArrayDeque<>();

    public ReviewService(QuoteStore store, String author, PredictionCache predictions) {
        this.store = store;
        this.author = author;
        this.predictions = predictions;
    }

    public String author() {
        return author;
    }

    public ReviewContext context() {
        Optional<ModelVersion> v1 = store.models().active(1);
        Optional<ModelVersion> v2 = v1.isEmpty() ? Optional.empty() : store.models().active(2);
        Long s1 = v1.map(ModelVersion::id).orElse(null);
        Long s2 = v2.map(ModelVersion::id).orElse(null);
        double threshold = OperatingPoints.current(store).threshold();
        // topics() completes the schema (positions, keys) first, so both reads agree
        List<TopicCount> topics = store.labels().topics();
        java.util.Map<String, Double> suspects = v1.isEmpty() ? null
                : LabelSuspects.thresholds(store, v1.get(), v2.orElse(null));
                return new ReviewContext(store.batches().list(), topics, s1, s2, threshold, store.schema().schema(),
                author, store.assignments().batchesOf(author), suspects);
    }

    /** The store filter for the user's choices; prediction filters are dropped when there is no model. */
    public static QuoteFilter filter(ReviewContext ctx, ReviewFilters choices) {
        QuoteFilter f = QuoteFilter.all().withBatch(choices.batchId())
                .withLabelled(choices.unlabelled() ? Boolean.FALSE : null)
                .withAnnotators(annotators(ctx, choices))
                .withAnnotatorsDisagree(choices.annotatorsDisagree());
        if (!ctx.hasModel()) {
            return f;
        }
        f = f.withModels(ctx.stage1VersionId(), ctx.stage2VersionId())
                .withPredictedClass(choices.predictedClass())
                .withDisagreementOnly(choices.disagreement())
                .withUnfamiliarOnly(choices.unfamiliar())
                .withSuspects(choices.suspects() ? ctx.suspectThresholds() : null);
        return choices.uncertain() ? f.withUncertain(ctx.threshold(), UNCERTAIN_MARGIN) : f;
    }

    /** "Labelled by" and "my batches" relative to the context's annotator; dropped when it is unknown. */
    private static AnnotatorFilter annotators(ReviewContext ctx, ReviewFilters choices) {
        LabelledBy by = choices.labelledBy();
        if (ctx.annotator() == null) {
            return by == LabelledBy.NOBODY ? new AnnotatorFilter(by, null, false) : AnnotatorFilter.ANYONE;
        }
        return new AnnotatorFilter(by, ctx.annotator(), choices.myBatches());
    }

    public Page<QuoteRow> page(QuoteFilter filter, long afterId, int limit) {
        return store.quotes().review(filter, afterId, limit);
    }

    public long count(QuoteFilter filter) {
        return store.quotes().count(filter);
    }

    public QuoteDetail detail(long quoteId) {
        Quote q = store.quotes().find(quoteId).orElseThrow(() -> new IllegalArgumentException("no quote " + quoteId));
        return new QuoteDetail(q, store.labels().current(quoteId).orElse(null), store.labels().history(quoteId));
    }

    /**
     * Stores a label unless the quote's label has moved past {@code seenVersion}, the version the
     * user saw; a saved label is remembered for {@link #undo()}. A conflict writes nothing: the
     * caller shows both values and, to overwrite, writes again with the conflict's version.
     */
    public synchronized LabelWrite label(long quoteId, QuoteLabel label, LabelSource source, long seenVersion) {
        if (source != LabelSource.EXPERT && source != LabelSource.MODEL_ACCEPTED) {
            throw new IllegalArgumentException("a reviewer's label is EXPERT or MODEL_ACCEPTED, not " + source);
        }
        LabelWrite write = store.labels().set(quoteId, label, source, author, seenVersion);
        if (write instanceof LabelWrite.Saved s) {
            undoStack.push(s.change());
        }
        return write;
    }

    /**
     * Reverts this session's latest edit (recorded as a new history row); empty when there is
     * nothing to undo. When someone changed the label since, nothing is reverted and the conflict
     * is returned; that edit leaves the undo stack either way.
     */
    public synchronized Optional<LabelWrite> undo() {
        LabelChange last = undoStack.poll();
        if (last == null) {
            return Optional.empty();
        }
        return Optional.of(store.labels().undo(last.id(), author));
    }

    /** Labels of the project changed after history id {@code afterId} (by anyone), as they are now. */
    public LabelUpdates changedSince(long afterId) {
        return store.labels().changedSince(afterId);
    }

    public synchronized int undoDepth() {
        return undoStack.size();
    }

    /** The label a quote has after a change, as the table shows it. */
    public static CurrentLabel labelAfter(LabelChange change) {
        return change.newLabel() == null ? null : new CurrentLabel(change.quoteId(), change.newLabel(),
                change.newSource(), change.changedAt(), change.changedBy());
    }

    /** Whether rows without a prediction can be scored: there is an active cascade. */
    public boolean canScore() {
        return predictions.active().isPresent();
    }

    /** Scores the rows without a prediction and caches the results; returns the new predictions. */
    public List<Prediction> scoreMissing(List<QuoteRow> rows, CancellationToken cancel) throws Exception {
        List<QuoteRow> scored = predictions.ensureScored(rows, ProgressSink.NONE, cancel);
        List<Prediction> fresh = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).prediction() == null && scored.get(i).prediction() != null) {
                fresh.add(scored.get(i).prediction());
            }
        }
        return fresh;
    }
}

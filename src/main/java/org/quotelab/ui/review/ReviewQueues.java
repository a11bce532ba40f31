package org.quotelab.ui.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.quotelab.domain.quote.Batch;
import org.quotelab.service.ReviewFilters;
import org.quotelab.service.review.ReviewContext;
import org.quotelab.service.review.ReviewService;

/**
 * The review queues (each a filter that turns it on) and their counts, with the batch's review
 * progress. A queue added to {@link #QUEUES} is counted and shown like the others.
 */
final class ReviewQueues {

    static final Map<String, UnaryOperator<ReviewFilters>> QUEUES = queues();

    /** Quotes per queue under the chosen batch and prediction filters, and the batch's progress line. */
    record Counts(Map<String, Long> queues, long reviewed, long total, String progress) {
    }

    private ReviewQueues() {
    }

    private static Map<String, UnaryOperator<ReviewFilters>> queues() {
        Map<String, UnaryOperator<ReviewFilters>> q = new LinkedHashMap<>();
        q.put("unlabelled", f -> f.withUnlabelled(true));
        q.put("uncertain", f -> f.withUncertain(true));
        q.put("disagreement", f -> f.withDisagreement(true));
        q.put("annotatorsDisagree", f -> f.withAnnotatorsDisagree(true));
        q.put("suspects", f -> f.withSuspects(true));
        return Collections.unmodifiableMap(q);
    }

    /** Reads the store through the service: call it from a job. */
    static Counts count(ReviewService service, ReviewContext ctx, ReviewFilters chosen) {
        ReviewFilters base = queuesOff(chosen);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, UnaryOperator<ReviewFilters>> q : QUEUES.entrySet()) {
            ReviewFilters only = q.getValue().apply(base);
            if (!ctx.hasModel() && (only.uncertain() || only.disagreement() || only.suspects())) {
                continue; // these queues need predictions
            }
            counts.put(q.getKey(), service.count(ReviewService.filter(ctx, only)));
        }
        ReviewFilters batchOnly = ReviewFilters.NONE.withBatch(base.batchId());
        long all = service.count(ReviewService.filter(ctx, batchOnly));
        long unlabelled = service.count(ReviewService.filter(ctx, batchOnly.withUnlabelled(true)));
        return new Counts(counts, all - unlabelled, all, progressText(all - unlabelled, all, day(ctx, base.batchId())));
    }

    /** The chosen filters with every queue switched off: the ground each queue is counted on. */
    static ReviewFilters queuesOff(ReviewFilters f) {
        ReviewFilters off = f;
        // a queue's switch is the one field its operator sets; switching all off needs them by name
        off = off.withUnlabelled(false).withUncertain(false).withDisagreement(false).withAnnotatorsDisagree(false);
        off = off.withSuspects(false);
        return off;
    }

    private static String day(ReviewContext ctx, Long batchId) {
        if (batchId == null) {
            return null;
        }
        return ctx.batches().stream().filter(b -> b.id() == batchId).map(Batch::day).findFirst().orElse(null);
    }

    /** "day-03: 120 of 366 reviewed (33%)"; {@code day} null: all batches. Reviewed = has a label. */
    static String progressText(long reviewed, long total, String day) {
        String where = day == null ? "All batches" : day;
        if (total == 0) {
            return where + ": no quotes";
        }
        return String.format(Locale.ROOT, "%s: %,d of %,d reviewed (%.0f%%)", where, reviewed, total,
                100.0 * reviewed / total);
    }

    /** A queue switch's text with its count: "Uncertain (42)". */
    static String withCount(String label, Long count) {
        return count == null ? label : String.format(Locale.ROOT, "%s (%,d)", label, count);
    }
}

package org.quotelab.service.annotators;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.quotelab.store.QuoteStore;

/**
 * Assigning batches to annotators, on behalf of {@code annotator} (recorded as who assigned).
 * Every method reads or writes the store: call them from jobs.
 */
public final class BatchAssignments {
    private final QuoteStore store;
    private final String annotator;

    public BatchAssignments(QuoteStore store, String annotator) {
        this.store = store;
        this.annotator = annotator;
    }

    /** Makes {@code names} the batch's assignees (empty = nobody); returns them in name order. */
    public List<String> assign(long batchId, Collection<String> names) {
        return store.assignments().assign(batchId, names, annotator);
    }

    /** The batch's assignees in name order. */
    public List<String> of(long batchId) {
        return store.assignments().assignees(batchId);
    }

    /** The assignees of every batch that has some, by batch id. */
    public Map<Long, List<String>> all() {
        return store.assignments().all();
    }

    /** The ids of the batches assigned to the annotator this service acts for. */
    public List<Long> mine() {
        return store.assignments().batchesOf(annotator);
    }

    public String annotator() {
        return annotator;
    }
}

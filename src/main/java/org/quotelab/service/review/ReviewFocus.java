package org.quotelab.service.review;

import java.util.List;
import org.quotelab.domain.quote.QuoteFilter;

/**
 * A set of quotes another view sends to Review, e.g. one confusion cell: Review shows exactly
 * these, with the predictions of the given versions, until the user changes a filter. Not saved
 * with the filters: it belongs to one evaluation, not to the user's habits. {@code batchId} is
 * the one batch the quotes come from, which the batch filter shows meanwhile (null: several).
 */
public record ReviewFocus(String description, List<Long> quoteIds, Long stage1VersionId, Long stage2VersionId,
        Long batchId) {

    public ReviewFocus {
        quoteIds = List.copyOf(quoteIds);
    }

    /** From several batches (or all): the batch filter reads "All batches" while it is shown. */
    public ReviewFocus(String description, List<Long> quoteIds, Long stage1VersionId, Long stage2VersionId) {
        this(description, quoteIds, stage1VersionId, stage2VersionId, null);
    }

    public QuoteFilter filter() {
        return QuoteFilter.all().withModels(stage1VersionId, stage2VersionId).withQuoteIds(quoteIds);
    }
}

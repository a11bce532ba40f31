package org.quotelab.service.review;

import java.util.List;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.TopicCount;

/**
 * What the Review view needs before it can show anything: the batches for the batch filter, the
 * topics for the digit legend (digit d = {@code topics.get(d - 1)}), the active model versions
 * (null = none) and the stage-1 threshold.
 */
public record ReviewContext(List<Batch> batches, List<TopicCount> topics, Long stage1VersionId,
        Long stage2VersionId, double threshold) {

    public boolean hasModel() {
        return stage1VersionId != null;
    }
}

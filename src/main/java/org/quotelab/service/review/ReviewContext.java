package org.quotelab.service.review;

import java.util.List;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.TopicCount;

/**
 * What the Review view needs before it can show anything: the batches for the batch filter, the
 * project's topics in schema order with their counts, the active model versions (null = none),
 * the stage-1 threshold, and the label schema that names the topics and says which key labels
 * which topic; the annotator at the keyboard ("me" of the filters; null = unknown) and the ids of
 * the batches assigned to them; the per-class thresholds of the label-suspects queue
 * ({@link LabelSuspects}; empty without a model).
 */
public record ReviewContext(List<Batch> batches, List<TopicCount> topics, Long stage1VersionId,
        Long stage2VersionId, double threshold, LabelSchema schema, String annotator, List<Long> myBatches,
        java.util.Map<String, Double> suspectThresholds) {

    public ReviewContext {
        schema = schema == null ? LabelSchema.EMPTY : schema;
        myBatches = myBatches == null ? List.of() : List.copyOf(myBatches);
        suspectThresholds = suspectThresholds == null ? java.util.Map.of() : java.util.Map.copyOf(suspectThresholds);
    }

    public ReviewContext(List<Batch> batches, List<TopicCount> topics, Long stage1VersionId,
            Long stage2VersionId, double threshold, LabelSchema schema) {
        this(batches, topics, stage1VersionId, stage2VersionId, threshold, schema, null, List.of(), null);
    }

    /** Whether the batch is assigned to the annotator at the keyboard. */
    public boolean isMine(long batchId) {
        return myBatches.contains(batchId);
    }

    public boolean hasModel() {
        return stage1VersionId != null;
    }
}

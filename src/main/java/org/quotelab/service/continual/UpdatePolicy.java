package org.quotelab.service.continual;

/**
 * When the schedule launches an update: after every N new batches, once enough new labels have
 * arrived, or when a batch drifts. Any condition that is met is enough.
 *
 * @param everyBatches update after this many new batches (0 = never for this reason)
 * @param minNewLabels update once the batches not learned yet hold this many labels (0 = never for this reason)
 * @param onDrift      update when a new batch raises a drift alert
 */
public record UpdatePolicy(int everyBatches, long minNewLabels, boolean onDrift) {

    public static UpdatePolicy defaults() {
        return new UpdatePolicy(3, 500, true);
    }

    /** The reason to update now, or null to wait. */
    public String decide(int pendingBatches, long pendingLabels, boolean drifted) {
        if (everyBatches > 0 && pendingBatches >= everyBatches) {
            return pendingBatches + " new batches";
        }
        if (minNewLabels > 0 && pendingLabels >= minNewLabels) {
            return pendingLabels + " new labels";
        }
        if (onDrift && drifted) {
            return "drift";
        }
        return null;
    }
}

package org.quotelab.service.monitoring;

/**
 * The active cascade on one batch.
 *
 * @param measured   accuracy on the batch's labelled quotes (NaN without labels)
 * @param historical pooled accuracy on the labelled quotes of all earlier batches (NaN for the first)
 * @param estimated  mean calibrated confidence: a label-free estimate, over the unlabelled quotes,
 *                   or over all quotes when every quote is labelled (then it can be set against measured)
 */
public record TimelinePoint(long batchId, int seq, String day, int quotes, int labelled, int unlabelled,
                            double measured, double historical, double estimated) {
}

package org.quotelab.domain.quote;

/**
 * Filters of the Review view; null or false means "no filter". Filters on predictions use the
 * predictions of {@code stage1VersionId}/{@code stage2VersionId} (stage 2 null = stage-1-only
 * predictions). {@code labelled}: TRUE labelled only, FALSE unlabelled only. {@code predictedClass} is a topic, or {@link #OUT_OF_TOPIC} for predicted label 0.
 * {@code uncertainMargin} > 0 keeps quotes with |p_in_topic - threshold| <= margin.
 * {@code quoteIds} non-null keeps only those quotes, e.g. one cell of a confusion matrix.
 * {@code unfamiliarOnly} keeps quotes whose prediction is flagged as unfamiliar, most unfamiliar
 * first (the Review queue); every other read is in quote id order. {@code annotators}: whose
 * label the quote carries and whether only batches assigned to the annotator count.
 * {@code annotatorsDisagree} keeps quotes whose annotators' latest labels differ (not the model:
 * that is {@code disagreementOnly}).
 * {@code suspectThresholds} non-null is the "Label suspects" queue: labelled quotes whose
 * prediction is another class with a confidence of at least that class's threshold (key: a topic,
 * or {@link #OUT_OF_TOPIC}), most confident first.
 */
public record QuoteFilter(
        Long batchId,
        Long stage1VersionId,
        Long stage2VersionId,
        String predictedClass,
        Boolean labelled,
        double threshold,
        double uncertainMargin,
        boolean disagreementOnly,
        Boolean validation,
        java.util.List<Long> quoteIds,
        boolean unfamiliarOnly,
        AnnotatorFilter annotators,
        boolean annotatorsDisagree,
        java.util.Map<String, Double> suspectThresholds) {

    public static final String OUT_OF_TOPIC = "0";

    public QuoteFilter {
        quoteIds = quoteIds == null ? null : java.util.List.copyOf(quoteIds);
        annotators = annotators == null ? AnnotatorFilter.ANYONE : annotators;
        suspectThresholds = suspectThresholds == null ? null : java.util.Map.copyOf(suspectThresholds);
    }

    /** The filter before the annotator and label-suspects filters existed. */
    public QuoteFilter(Long batchId, Long stage1VersionId, Long stage2VersionId, String predictedClass,
            Boolean labelled, double threshold, double uncertainMargin, boolean disagreementOnly, Boolean validation,
            java.util.List<Long> quoteIds, boolean unfamiliarOnly) {
        this(batchId, stage1VersionId, stage2VersionId, predictedClass, labelled, threshold, uncertainMargin,
                disagreementOnly, validation, quoteIds, unfamiliarOnly, AnnotatorFilter.ANYONE, false, null);
    }

    public static QuoteFilter all() {
        return new QuoteFilter(null, null, null, null, null, 0.5, 0, false, null, null, false);
    }

    public QuoteFilter withBatch(Long id) {
        return new QuoteFilter(id, stage1VersionId, stage2VersionId, predictedClass, labelled,
                threshold, uncertainMargin, disagreementOnly, validation, quoteIds, unfamiliarOnly, annotators, annotatorsDisagree, suspectThresholds);
    }

    public QuoteFilter withModels(Long stage1, Long stage2) {
        return new QuoteFilter(batchId, stage1, stage2, predictedClass, labelled,
                threshold, uncertainMargin, disagreementOnly, validation, quoteIds, unfamiliarOnly, annotators, annotatorsDisagree, suspectThresholds);
    }

    public QuoteFilter withPredictedClass(String cls) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, cls, labelled,
                threshold, uncertainMargin, disagreementOnly, validation, quoteIds, unfamiliarOnly, annotators, annotatorsDisagree, suspectThresholds);
    }

    public QuoteFilter withLabelled(Boolean on) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, predictedClass, on,
                threshold, uncertainMargin, disagreementOnly, validation, quoteIds, unfamiliarOnly, annotators, annotatorsDisagree, suspectThresholds);
    }

    public QuoteFilter withUncertain(double thr, double margin) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, predictedClass, labelled,
                thr, margin, disagreementOnly, validation, quoteIds, unfamiliarOnly, annotators, annotatorsDisagree, suspectThresholds);
    }

    public QuoteFilter withDisagreementOnly(boolean on) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, predictedClass, labelled,
                threshold, uncertainMargin, on, validation, quoteIds, unfamiliarOnly, annotators, annotatorsDisagree, suspectThresholds);
    }

    public QuoteFilter withValidation(Boolean v) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, predictedClass, labelled,
                threshold, uncertainMargin, disagreementOnly, v, quoteIds, unfamiliarOnly, annotators, annotatorsDisagree, suspectThresholds);
    }

    public QuoteFilter withQuoteIds(java.util.Collection<Long> ids) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, predictedClass, labelled,
                threshold, uncertainMargin, disagreementOnly, validation, ids == null ? null : java.util.List.copyOf(ids),
                unfamiliarOnly, annotators, annotatorsDisagree, suspectThresholds);
    }

    public QuoteFilter withUnfamiliarOnly(boolean on) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, predictedClass, labelled,
                threshold, uncertainMargin, disagreementOnly, validation, quoteIds, on, annotators, annotatorsDisagree, suspectThresholds);
    }

    public QuoteFilter withAnnotators(AnnotatorFilter who) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, predictedClass, labelled,
                threshold, uncertainMargin, disagreementOnly, validation, quoteIds, unfamiliarOnly, who, annotatorsDisagree, suspectThresholds);
    }

    /** The annotators-disagree queue on or off. */
    public QuoteFilter withAnnotatorsDisagree(boolean on) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, predictedClass, labelled,
                threshold, uncertainMargin, disagreementOnly, validation, quoteIds, unfamiliarOnly, annotators, on, suspectThresholds);
    }

    /** The label-suspects queue with per-class confidence thresholds; null turns it off. */
    public QuoteFilter withSuspects(java.util.Map<String, Double> thresholds) {
        return new QuoteFilter(batchId, stage1VersionId, stage2VersionId, predictedClass, labelled,
                threshold, uncertainMargin, disagreementOnly, validation, quoteIds, unfamiliarOnly, annotators,
                annotatorsDisagree, thresholds);
    }

    public boolean needsPredictions() {
        return predictedClass != null || uncertainMargin > 0 || disagreementOnly || unfamiliarOnly
                || suspectThresholds != null;
    }
}

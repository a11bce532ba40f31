package org.quotelab.service;

import java.util.HashMap;
import java.util.Map;
import org.quotelab.domain.quote.LabelledBy;

/**
 * The user's choices in the Review filter bar, independent of model versions and threshold
 * (those change between starts; the choices should not). {@code predictedClass} is a topic,
 * {@link org.quotelab.domain.quote.QuoteFilter#OUT_OF_TOPIC}, or null for any. {@code unfamiliar}
 * is the "Unfamiliar" queue: quotes flagged as unlike the training quotes, most unfamiliar first.
 * {@code labelledBy}: whose current label the quotes carry, relative to the annotator at the
 * keyboard; {@code myBatches}: only batches assigned to that annotator. {@code annotatorsDisagree}
 * is the queue of quotes whose annotators' latest labels differ ({@code disagreement} is the
 * model's prediction against the label). {@code suspects} is the "Label suspects" queue: labelled
 * quotes the model confidently puts in another class, most confident first.
 */
public record ReviewFilters(Long batchId, String predictedClass, boolean unlabelled, boolean uncertain,
        boolean disagreement, boolean unfamiliar, LabelledBy labelledBy, boolean myBatches, boolean annotatorsDisagree,
        boolean suspects) {

    public static final ReviewFilters NONE = new ReviewFilters(null, null, false, false, false, false);

    public ReviewFilters {
        labelledBy = labelledBy == null ? LabelledBy.ANYONE : labelledBy;
    }

    public ReviewFilters(Long batchId, String predictedClass, boolean unlabelled, boolean uncertain,
            boolean disagreement, boolean unfamiliar) {
        this(batchId, predictedClass, unlabelled, uncertain, disagreement, unfamiliar, LabelledBy.ANYONE, false, false, false);
    }

    public ReviewFilters(Long batchId, String predictedClass, boolean unlabelled, boolean uncertain,
            boolean disagreement) {
        this(batchId, predictedClass, unlabelled, uncertain, disagreement, false);
    }

    /** A line of key=value pairs separated by tabs; topics never contain tabs (they come from CSV cells, trimmed). */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        sb.append("unlabelled=").append(unlabelled).append("\tuncertain=").append(uncertain)
                .append("\tdisagreement=").append(disagreement).append("\tunfamiliar=").append(unfamiliar)
                .append("\tlabelledBy=").append(labelledBy.name()).append("\tmine=").append(myBatches)
                .append("\tannotatorsDisagree=").append(annotatorsDisagree);
        sb.append("\tsuspects=").append(suspects);
        if (batchId != null) {
            sb.append("\tbatch=").append(batchId);
        }
        if (predictedClass != null) {
            sb.append("\tclass=").append(predictedClass);
        }
        return sb.toString();
    }

    /** Unknown or damaged entries fall back to "no filter": a stale preference must never block the view. */
    public static ReviewFilters decode(String text) {
        Map<String, String> m = new HashMap<>();
        for (String part : text.split("\t")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        Long batch = null;
        try {
            batch = m.containsKey("batch") ? Long.valueOf(m.get("batch")) : null;
        } catch (NumberFormatException e) {
            batch = null;
        }
        return new ReviewFilters(batch, m.get("class"), Boolean.parseBoolean(m.get("unlabelled")),
                Boolean.parseBoolean(m.get("uncertain")), Boolean.parseBoolean(m.get("disagreement")),
                Boolean.parseBoolean(m.get("unfamiliar")), LabelledBy.parse(m.get("labelledBy")),
                Boolean.parseBoolean(m.get("mine")), Boolean.parseBoolean(m.get("annotatorsDisagree")),
                Boolean.parseBoolean(m.get("suspects")));
    }

    public ReviewFilters withBatch(Long id) {
        return new ReviewFilters(id, predictedClass, unlabelled, uncertain, disagreement, unfamiliar, labelledBy, myBatches, annotatorsDisagree, suspects);
    }

    public ReviewFilters withPredictedClass(String cls) {
        return new ReviewFilters(batchId, cls, unlabelled, uncertain, disagreement, unfamiliar, labelledBy, myBatches, annotatorsDisagree, suspects);
    }

    public ReviewFilters withUnlabelled(boolean on) {
        return new ReviewFilters(batchId, predictedClass, on, uncertain, disagreement, unfamiliar, labelledBy, myBatches, annotatorsDisagree, suspects);
    }

    public ReviewFilters withUncertain(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, on, disagreement, unfamiliar, labelledBy, myBatches, annotatorsDisagree, suspects);
    }

    public ReviewFilters withDisagreement(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, uncertain, on, unfamiliar, labelledBy, myBatches, annotatorsDisagree, suspects);
    }

    /** The Unfamiliar queue on or off. */
    public ReviewFilters withUnfamiliar(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, uncertain, disagreement, on, labelledBy, myBatches, annotatorsDisagree, suspects);
    }

    /** Whose current label the quotes carry: anyone, me, others or nobody. */
    public ReviewFilters withLabelledBy(LabelledBy by) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, uncertain, disagreement, unfamiliar, by, myBatches, annotatorsDisagree, suspects);
    }

    /** Only the batches assigned to the annotator at the keyboard, or all. */
    public ReviewFilters withMyBatches(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, uncertain, disagreement, unfamiliar, labelledBy, on, annotatorsDisagree, suspects);
    }

    /** The annotators-disagree queue on or off. */
    public ReviewFilters withAnnotatorsDisagree(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, uncertain, disagreement, unfamiliar, labelledBy, myBatches, on, suspects);
    }

    /** The Label suspects queue on or off. */
    public ReviewFilters withSuspects(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, uncertain, disagreement, unfamiliar, labelledBy, myBatches,
                annotatorsDisagree, on);
    }

    public boolean needsPredictions() {
        return predictedClass != null || uncertain || disagreement || unfamiliar || suspects;
    }
}

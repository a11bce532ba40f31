package org.quotelab.service;

import java.util.HashMap;
import java.util.Map;

/**
 * The user's choices in the Review filter bar, independent of model versions and threshold
 * (those change between starts; the choices should not). {@code predictedClass} is a topic,
 * {@link org.quotelab.domain.quote.QuoteFilter#OUT_OF_TOPIC}, or null for any. {@code unfamiliar}
 * is the "Unfamiliar" queue: quotes flagged as unlike the training quotes, most unfamiliar first.
 * {@code suspects} is the "Label suspects" queue: labelled quotes the model confidently puts in
 * another class, most confident first.
 */
public record ReviewFilters(Long batchId, String predictedClass, boolean unlabelled, boolean uncertain,
        boolean disagreement, boolean unfamiliar, boolean suspects) {

    public static final ReviewFilters NONE = new ReviewFilters(null, null, false, false, false, false, false);

    public ReviewFilters(Long batchId, String predictedClass, boolean unlabelled, boolean uncertain,
            boolean disagreement, boolean unfamiliar) {
        this(batchId, predictedClass, unlabelled, uncertain, disagreement, unfamiliar, false);
    }

    public ReviewFilters(Long batchId, String predictedClass, boolean unlabelled, boolean uncertain,
            boolean disagreement) {
        this(batchId, predictedClass, unlabelled, uncertain, disagreement, false);
    }

    /** A line of key=value pairs separated by tabs; topics never contain tabs (they come from CSV cells, trimmed). */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        sb.append("unlabelled=").append(unlabelled).append("\tuncertain=").append(uncertain)
                .append("\tdisagreement=").append(disagreement).append("\tunfamiliar=").append(unfamiliar);
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
                Boolean.parseBoolean(m.get("unfamiliar")), Boolean.parseBoolean(m.get("suspects")));
    }

    public ReviewFilters withBatch(Long id) {
        return new ReviewFilters(id, predictedClass, unlabelled, uncertain, disagreement, unfamiliar, suspects);
    }

    public ReviewFilters withPredictedClass(String cls) {
        return new ReviewFilters(batchId, cls, unlabelled, uncertain, disagreement, unfamiliar, suspects);
    }

    public ReviewFilters withUnlabelled(boolean on) {
        return new ReviewFilters(batchId, predictedClass, on, uncertain, disagreement, unfamiliar, suspects);
    }

    public ReviewFilters withUncertain(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, on, disagreement, unfamiliar, suspects);
    }

    public ReviewFilters withDisagreement(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, uncertain, on, unfamiliar, suspects);
    }

    /** The Unfamiliar queue on or off. */
    public ReviewFilters withUnfamiliar(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, uncertain, disagreement, on, suspects);
    }

    /** The Label suspects queue on or off. */
    public ReviewFilters withSuspects(boolean on) {
        return new ReviewFilters(batchId, predictedClass, unlabelled, uncertain, disagreement, unfamiliar, on);
    }

    public boolean needsPredictions() {
        return predictedClass != null || uncertain || disagreement || unfamiliar || suspects;
    }
}

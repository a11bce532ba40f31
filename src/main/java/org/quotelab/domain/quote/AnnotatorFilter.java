package org.quotelab.domain.quote;

/**
 * The annotator part of a Review filter: by whom the current label was set ({@code labelledBy},
 * relative to {@code annotator}, the person at the keyboard) and, with {@code assignedOnly}, only
 * quotes of batches assigned to {@code annotator}. ME, OTHERS and assignedOnly need the annotator.
 */
public record AnnotatorFilter(LabelledBy labelledBy, String annotator, boolean assignedOnly) {

    public static final AnnotatorFilter ANYONE = new AnnotatorFilter(LabelledBy.ANYONE, null, false);

    public AnnotatorFilter {
        labelledBy = labelledBy == null ? LabelledBy.ANYONE : labelledBy;
        boolean needsName = assignedOnly || labelledBy == LabelledBy.ME || labelledBy == LabelledBy.OTHERS;
        if (needsName && (annotator == null || annotator.isBlank())) {
            throw new IllegalArgumentException("filtering by " + (assignedOnly ? "assignment" : labelledBy)
                    + " needs the annotator's name");
        }
    }
}

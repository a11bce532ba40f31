package org.quotelab.domain.model;

import java.util.List;

/** A confusion matrix: rows are true classes, columns predicted classes, both in {@code classes} order. */
public record ConfusionRecord(long modelVersionId, String evalSet, List<String> classes, int[][] counts) {
}

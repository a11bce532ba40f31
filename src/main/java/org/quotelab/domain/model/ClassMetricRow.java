package org.quotelab.domain.model;

/** Precision / recall / F1 / support of one class of one model version on one evaluation set. */
public record ClassMetricRow(long modelVersionId, String evalSet, String className, double precision,
        double recall, double f1, int support) {
}

package org.quotelab.ml.train;

import org.quotelab.domain.metrics.ClassificationReport;

/** The validation figure that picks the best epoch; higher is better for all of them. */
public enum SelectionMetric {
    MACRO_F1,
    ACCURACY,
    WEIGHTED_F1;

    public double of(ClassificationReport report) {
        return switch (this) {
            case MACRO_F1 -> report.macro().f1();
            case ACCURACY -> report.accuracy();
            case WEIGHTED_F1 -> report.weighted().f1();
        };
    }
}

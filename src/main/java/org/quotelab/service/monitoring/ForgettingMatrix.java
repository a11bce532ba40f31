package org.quotelab.service.monitoring;

import java.util.Arrays;
import java.util.List;
import org.quotelab.domain.quote.Batch;

/**
 * Accuracy of each recorded cascade version (rows, oldest first) on each batch's labelled
 * validation quotes (columns, in batch order); NaN where no evaluation is stored yet.
 */
public record ForgettingMatrix(List<Version> versions, List<Batch> batches, double[][] accuracy) {

    /** A cascade: the stage-1 and stage-2 versions registered together from one folder. */
    public record Version(long stage1Id, long stage2Id, String folder, boolean active) {

        public String name() {
            return "v" + stage1Id + "/" + stage2Id + (active ? " (active)" : "");
        }
    }

    public ForgettingMatrix {
        versions = List.copyOf(versions);
        batches = List.copyOf(batches);
        accuracy = Arrays.stream(accuracy).map(double[]::clone).toArray(double[][]::new);
    }

    public double value(int version, int batch) {
        return accuracy[version][batch];
    }

    /** Cells without a stored evaluation. */
    public int missing() {
        int n = 0;
        for (double[] row : accuracy) {
            for (double v : row) {
                n += Double.isNaN(v) ? 1 : 0;
            }
        }
        return n;
    }
}

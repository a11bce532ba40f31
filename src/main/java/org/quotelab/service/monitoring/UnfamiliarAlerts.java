package org.quotelab.service.monitoring;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.unfamiliar.FeatureStatistics;
import org.quotelab.domain.unfamiliar.UnfamiliarShare;
import org.quotelab.ml.versions.FeatureStatisticsFile;

/**
 * Counts, per batch, the scored quotes the active stage 1 flags as unfamiliar, against the share
 * its cut-off lets through of in-domain quotes (1 - quantile, about 5 %). A batch whose share is
 * clearly above that (Wilson lower bound, {@link UnfamiliarShare#alert()}) holds text unlike the
 * training quotes: a new source, a broken import, another language.
 */
final class UnfamiliarAlerts {

    private final double expected;
    private final Map<Long, int[]> counts = new HashMap<>(); // batch id -> {flagged, known}

    UnfamiliarAlerts(double expected) {
        this.expected = expected;
    }

    /** For the active stage 1: its expected share, or 5 % when it has no statistics (nothing is counted then). */
    static UnfamiliarAlerts forStage1(Path stage1Folder) {
        double q = FeatureStatisticsFile.read(stage1Folder).map(FeatureStatistics::quantile)
                .orElse(FeatureStatistics.DEFAULT_QUANTILE);
        return new UnfamiliarAlerts(1 - q);
    }

    void add(long batchId, Prediction p) {
        if (p == null || p.unfamiliarFlag() == null) {
            return; // unscored, or scored by a version without statistics: unknown
        }
        int[] c = counts.computeIfAbsent(batchId, k -> new int[2]);
        c[0] += p.unfamiliarFlag() ? 1 : 0;
        c[1]++;
    }

    /** The share per batch that has quotes with a known score. */
    Map<Long, UnfamiliarShare> shares() {
        Map<Long, UnfamiliarShare> out = new HashMap<>();
        counts.forEach((id, c) -> out.put(id, new UnfamiliarShare(c[0], c[1], expected)));
        return out;
    }
}

package org.quotelab.ui.monitoring;

import java.util.Locale;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.service.monitoring.TimelinePoint;

/** One line of the Monitoring view's batch table: the timeline point and its drift, already formatted. */
public record BatchRow(long batchId, String day, String labelled, String measured, String estimated, String mmdP,
                       String alerts, boolean alert) {

    static BatchRow of(TimelinePoint p, BatchDrift d, boolean reference) {
        String alerts = reference ? "reference" : d == null ? "-" : d.alerts().isEmpty() ? "none"
                : String.join("; ", d.alerts());
        return new BatchRow(p.batchId(), p.day(), p.labelled() + " / " + p.quotes(), pct(p.measured()),
                pct(p.estimated()), d == null ? "-" : String.format(Locale.ROOT, "%.4f", d.mmdPValue()), alerts,
                d != null && d.alert());
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}

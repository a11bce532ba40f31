package org.quotelab.ui.monitoring;

import java.util.Locale;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.unfamiliar.UnfamiliarShare;
import org.quotelab.service.monitoring.TimelinePoint;

/**
 * One line of the Monitoring view's batch table: the timeline point, its drift and its share of
 * unfamiliar quotes, already formatted. {@code alert} is a drift alert; {@code unfamiliarAlert}
 * a batch with clearly more unfamiliar quotes than expected.
 */
public record BatchRow(long batchId, String day, String labelled, String measured, String estimated, String mmdP,
                       String alerts, boolean alert, String unfamiliar, boolean unfamiliarAlert) {

    static BatchRow of(TimelinePoint p, BatchDrift d, boolean reference) {
        return of(p, d, reference, null);
    }

    static BatchRow of(TimelinePoint p, BatchDrift d, boolean reference, UnfamiliarShare u) {
        String alerts = reference ? "reference" : d == null ? "-" : d.alerts().isEmpty() ? "none"
                : String.join("; ", d.alerts());
        boolean many = u != null && u.alert();
        if (many) {
            alerts = (alerts.equals("none") || alerts.equals("-") ? "" : alerts + "; ") + "many unfamiliar quotes";
        }
        return new BatchRow(p.batchId(), p.day(), p.labelled() + " / " + p.quotes(), pct(p.measured()),
                pct(p.estimated()), d == null ? "-" : String.format(Locale.ROOT, "%.4f", d.mmdPValue()), alerts,
                d != null && d.alert(), unfamiliar(u), many);
    }

    /** "12.0 % (30 of 250, 8.5-16.6)": the share, its n and 95 % Wilson interval; "unknown" without scores. */
    static String unfamiliar(UnfamiliarShare u) {
        if (u == null || u.n() == 0) {
            return "unknown";
        }
        double[] ci = u.interval();
        return String.format(Locale.ROOT, "%.1f %% (%d of %d, %.1f-%.1f)", 100 * u.share(), u.flagged(), u.n(),
                100 * ci[0], 100 * ci[1]) + (u.alert() ? " \u26a0" : "");
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}

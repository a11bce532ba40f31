package org.quotelab.ui.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.domain.unfamiliar.UnfamiliarShare;
import org.quotelab.service.monitoring.TimelinePoint;

/**
 * One line of the Monitoring view's batch table: the timeline point, its drift and its share of
 * unfamiliar quotes, already formatted. {@code severity} is the batch's plain-language drift
 * verdict, {@code effect} the effect size of the test that decided it, with its 95 % interval and
 * the sizes it rests on. {@code alert} is a drift alert; {@code unfamiliarAlert} a batch with
 * clearly more unfamiliar quotes than expected.
 */
public record BatchRow(long batchId, String day, String labelled, String measured, String estimated, String severity,
                       String effect, String alerts, boolean alert, String unfamiliar, boolean unfamiliarAlert) {

    static BatchRow of(TimelinePoint p, BatchDrift d, boolean reference) {
        return of(p, d, reference, null);
    }

    static BatchRow of(TimelinePoint p, BatchDrift d, boolean reference, UnfamiliarShare u) {
        String severity = reference ? "reference" : d == null ? "-" : d.severity() == null ? "refresh" : d.severity().label();
        String alerts = alerts(d, reference);
        boolean many = u != null && u.alert();
        if (many) {
            alerts = (alerts.equals("none") || alerts.equals("-") ? "" : alerts + "; ") + "many unfamiliar quotes";
        }
        return new BatchRow(p.batchId(), p.day(), p.labelled() + " / " + p.quotes(), pct(p.measured()),
                pct(p.estimated()), severity, reference || d == null ? "-" : effect(d), alerts,
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

    /** "label shift 0.211 [0.152, 0.268], n 300/300" for the test that decided the severity. */
    static String effect(BatchDrift d) {
        DriftTest t = d.strongest();
        if (t == null) {
            return "-";
        }
        String interval = Double.isNaN(t.effectLow()) ? ""
                : String.format(Locale.ROOT, " [%.3f, %.3f]", t.effectLow(), t.effectHigh());
        return String.format(Locale.ROOT, "%s %.3f%s, n %d/%d", t.kind().title(), t.effect(), interval,
                t.referenceSize(), t.currentSize());
    }

    private static String alerts(BatchDrift d, boolean reference) {
        if (reference) {
            return "reference";
        }
        if (d == null) {
            return "-";
        }
        List<String> parts = new ArrayList<>(d.alerts().isEmpty() ? List.of("none") : d.alerts());
        parts.addAll(d.notes());
        return String.join("; ", parts);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}

package org.quotelab.ui.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.service.monitoring.TimelinePoint;

/**
 * One line of the Monitoring view's batch table: the timeline point and its drift, already
 * formatted. {@code severity} is the batch's plain-language verdict, {@code effect} the effect size
 * of the test that decided it, with its 95 % interval and the sizes it rests on.
 */
public record BatchRow(long batchId, String day, String labelled, String measured, String estimated, String severity,
                       String effect, String alerts, boolean alert) {

    static BatchRow of(TimelinePoint p, BatchDrift d, boolean reference) {
        String severity = reference ? "reference" : d == null ? "-" : d.severity() == null ? "refresh" : d.severity().label();
        return new BatchRow(p.batchId(), p.day(), p.labelled() + " / " + p.quotes(), pct(p.measured()),
                pct(p.estimated()), severity, reference || d == null ? "-" : effect(d), alerts(d, reference),
                d != null && d.alert());
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

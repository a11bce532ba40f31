package org.quotelab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.service.continual.DriftReport;

/**
 * Prints the drift report of each new batch of a replayed stream against all earlier batches: the
 * severity, then one line per test with its effect size, interval, sizes and adjusted p-value.
 */
final class StreamDriftPrinter implements Consumer<DriftReport> {

    private final PrintWriter out;

    StreamDriftPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(DriftReport r) {
        out.printf(Locale.ROOT, "drift %s: %s (%s-corrected at %.2f; reference %d quotes, %d unseen by the model;"
                        + " batch %d, %d unseen)%n", r.batch(), r.severity().label(),
                r.verdict().correction().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.verdict().alpha(),
                r.referenceSize(), r.referenceUnseen(), r.currentSize(), r.currentUnseen());
        for (DriftTest t : r.tests()) {
            out.printf(Locale.ROOT, "    %-8s %s%n", t.severity().label(), t.sentence());
        }
        r.notes().forEach(n -> out.printf(Locale.ROOT, "    note: %s%n", n));
        if (r.drifted()) {
            r.explainingQuotes().forEach(q -> out.printf(Locale.ROOT, "    explains: %s%n",
                    q.length() > 100 ? q.substring(0, 100) + "..." : q));
        }
        out.flush();
    }
}

package org.quotelab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.service.continual.BertEmbedder;
import org.quotelab.service.continual.DriftCheck;
import org.quotelab.service.continual.DriftReport;

/** Prints the drift report of each new batch of a replayed stream against all earlier batches. */
final class StreamDriftPrinter implements Consumer<DriftReport> {

    private final PrintWriter out;

    StreamDriftPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(DriftReport r) {
        out.printf(Locale.ROOT, "drift %s: MMD p %.4f, prediction JS %.3f PSI %.3f, KS %.3f (p %.4f), estimated"
                        + " accuracy %.3f (reference %.3f), label JS %.3f -> %s%n", r.batch(), r.mmdPValue(),
                r.predictionJs(), r.predictionPsi(), r.ksStatistic(), r.ksPValue(), r.estimatedAccuracy(),
                r.referenceEstimatedAccuracy(), r.labelJs(), r.drifted() ? String.join("; ", r.alerts()) : "no alert");
        if (r.drifted()) {
            r.explainingQuotes().forEach(q -> out.printf(Locale.ROOT, "    explains: %s%n",
                    q.length() > 100 ? q.substring(0, 100) + "..." : q));
        }
        out.flush();
    }
}

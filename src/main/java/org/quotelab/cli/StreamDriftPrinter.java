package org.quotelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.service.continual.BertEmbedder;
import org.quotelab.service.continual.DriftCheck;
import org.quotelab.service.continual.DriftReport;
import org.quotelab.service.continual.LabelledQuote;
import org.quotelab.service.continual.StreamBatch;
import org.quotelab.service.continual.StreamEvaluation;

/** Prints the drift report of each new batch of a replayed stream against all earlier batches. */
final class StreamDriftPrinter implements StreamEvaluation.BeforeUpdate, AutoCloseable {

    private final PrintWriter out;
    private final boolean tiny;
    private BertEmbedder embedder;

    StreamDriftPrinter(PrintWriter out, boolean tiny) {
        this.out = out;
        this.tiny = tiny;
    }

    @Override
    public void check(int t, Path current, List<StreamBatch> batches) throws IOException {
        if (embedder == null) {
            embedder = tiny ? BertEmbedder.tiny(1) : BertEmbedder.bundled();
        }
        List<LabelledQuote> ref = new ArrayList<>();
        for (int j = 0; j < t; j++) {
            ref.addAll(batches.get(j).train());
            ref.addAll(batches.get(j).validation());
        }
        List<LabelledQuote> cur = new ArrayList<>(batches.get(t).train());
        cur.addAll(batches.get(t).validation());
        DriftReport r;
        try (VersionScorer scorer = VersionScorer.open(current, 128, 64)) {
            r = new DriftCheck(embedder, DriftCheck.Settings.defaults()).check(batches.get(t).name(), texts(ref),
                    texts(cur), scorer::probabilities, 1.0, labels(ref), labels(cur), scorer.labels().labels());
        }
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

    private static List<String> texts(List<LabelledQuote> q) {
        return q.stream().map(LabelledQuote::text).toList();
    }

    private static List<String> labels(List<LabelledQuote> q) {
        return q.stream().map(LabelledQuote::label).toList();
    }

    @Override
    public void close() {
        if (embedder != null) {
            embedder.close();
        }
    }
}

package org.quotelab.service.continual;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.ml.model.ComputeDevice;

/**
 * The drift check of a replayed stream: before each batch is learned, that batch against all earlier
 * ones, with the version trained so far as the predictor. Reports go to {@code reports}; the
 * embedder loads at the first check, so a replay without drift checks never loads it.
 */
public final class StreamDrift implements StreamEvaluation.BeforeUpdate, AutoCloseable {

    private final LoadedModels models;
    private final boolean tiny;
    private final Consumer<DriftReport> reports;
    private BertEmbedder embedder;

    /**
     * {@code models}: the replay's loaded versions, shared with its evaluations ({@link StreamEvaluation#drift});
     * {@code tiny}: embed with the small random BERT (tests, smoke runs) instead of the bundled one.
     */
    StreamDrift(LoadedModels models, boolean tiny, Consumer<DriftReport> reports) {
        this.models = models;
        this.tiny = tiny;
        this.reports = reports;
    }

    @Override
    public void check(int t, Path current, List<StreamBatch> batches) throws IOException {
        if (embedder == null) {
            embedder = tiny ? BertEmbedder.tiny(1) : BertEmbedder.bundled();
        }
        List<LabelledQuote> ref = new ArrayList<>();
        List<LabelledQuote> refHeldOut = new ArrayList<>();
        for (int j = 0; j < t; j++) {
            ref.addAll(batches.get(j).train());
            ref.addAll(batches.get(j).validation());
            refHeldOut.addAll(batches.get(j).validation());
        }
        List<LabelledQuote> cur = new ArrayList<>(batches.get(t).train());
        cur.addAll(batches.get(t).validation());
        DriftReport r;
        // the version learned the earlier batches' training parts: its outputs are compared on
        // their validation parts only, and on the whole new batch, which it has not learned yet
        try (LoadedModels.Lease<VersionScorer> lease = models.version(current)) {
            VersionScorer scorer = lease.model();
            r = new DriftCheck(embedder, DriftCheck.Settings.defaults()).check(batches.get(t).name(),
                    new DriftCheck.Sample(texts(ref), labels(ref), texts(refHeldOut)),
                    DriftCheck.Sample.allUnseen(texts(cur), labels(cur)), scorer::probabilities, 1.0,
                    scorer.labels().labels());
        }
        reports.accept(r);
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

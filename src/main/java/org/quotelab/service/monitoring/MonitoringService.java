package org.quotelab.service.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.quote.Batch;
import org.quotelab.service.Json;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.SeenQuotes;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.continual.DriftCheck;
import org.quotelab.service.continual.Embedder;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.Job;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Monitoring view's use case: for the active cascade, per batch the measured and estimated
 * accuracy, drift against the reference batches (stored for the Data view's badge) with the quotes
 * that explain it, and the forgetting matrix over recorded versions.
 */
public final class MonitoringService {
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringService.class);

    /** Opens (or holds a shared) sentence encoder for the input-drift test; closed after each refresh if closeable. */
    @FunctionalInterface
    public interface EmbedderSource {
        Embedder open() throws IOException;
    }

    /**
     * @param referenceBatches how many first batches form the reference when the active cascade does
     *                         not record which batches it learned
     */
    public record Settings(int referenceBatches, DriftCheck.Settings drift) {

        /**
         * DriftCheck's defaults (300 quotes a side, ADR 0008; Holm-corrected tests graded by effect
         * size, ADR 0016) with 8 explaining quotes. 150 a side left day 7 of the sample data at
         * p = 0.02 for some samples; 300 is nearly a whole sample day.
         */
        public static Settings defaults() {
            return new Settings(2, DriftCheck.Settings.defaults().withExplain(8));
        }
    }

    private final QuoteStore store;
    private final BatchQuotes loader;
    private final MatrixCells cells;
    private final MatrixFill fill;
    private final EmbedderSource embedders;
    private final Settings settings;

    public MonitoringService(QuoteStore store, PredictionCache predictions, EmbedderSource embedders,
            Settings settings) {
        this.store = store;
        this.loader = new BatchQuotes(store, predictions);
        this.cells = new MatrixCells(store);
        this.fill = new MatrixFill(store, cells, predictions);
        this.embedders = embedders;
        this.settings = settings;
    }

    /** Empty when no cascade is active. Reads the store and may run the models: a background job. */
    public Job<Optional<MonitoringReport>> refresh() {
        return this::compute;
    }

    /** Evaluates every recorded version on the batches its matrix row lacks, storing the cells. */
    public Job<ForgettingMatrix> fillMatrix() {
        return (progress, cancel) -> {
            fill.fill(storedMatrix(), progress, cancel);
            return storedMatrix();
        };
    }

    /** The forgetting matrix as stored, without computing anything: reads the store. */
    public ForgettingMatrix storedMatrix() {
        Optional<CascadeVersions.Active> active = new CascadeVersions(store).active();
        return cells.read(store.batches().list(), active.map(a -> a.stage1().id()).orElse(null),
                active.map(a -> a.stage2().id()).orElse(null));
    }

    /** The latest stored drift figures per batch id (any versions): reads the store. */
    public Map<Long, BatchDrift> storedDrift() {
        return store.drift().latestPerBatch();
    }

    private Optional<MonitoringReport> compute(ProgressSink progress, CancellationToken cancel) throws Exception {
        Optional<CascadeVersions.Active> found = new CascadeVersions(store).active();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CascadeVersions.Active active = found.get();
        List<String> topics = CascadeModel.read(active.folder()).topics();
        List<Batch> batches = store.batches().list();
        // the timeline's measured accuracy counts quotes the cascade never saw
        SeenQuotes.Seen seen = new SeenQuotes(store).of(active.stage1(), active.stage2());
        int sample = settings.drift().maxSample();
        List<BatchFigures> figures = new ArrayList<>();
        UnfamiliarAlerts unfamiliar = UnfamiliarAlerts.forStage1(java.nio.file.Path.of(active.stage1().path()));
        List<TimelinePoint> timeline = timeline(active, batches, figures, seen, unfamiliar, progress, cancel);
        List<Long> reference = referenceBatches(active, batches);
        Map<Long, BatchDrift> drift = new HashMap<>();
        Map<Long, List<ExplainingQuote>> explaining = new HashMap<>();
        List<ScoredQuote> refQuotes = referenceSample(figures, reference, sample, false);
        List<ScoredQuote> refHeldOut = referenceSample(figures, reference, sample, true);
        // without scored reference quotes there is nothing to compare with
        if (reference.size() < batches.size() && !refQuotes.isEmpty()) {
            Embedder embedder = embedders.open();
            try {
                DriftScoring scoring = new DriftScoring(new CachingEmbedder(embedder), settings.drift());
                for (int j = 0; j < batches.size(); j++) {
                    Batch b = batches.get(j);
                    if (reference.contains(b.id()) || figures.get(j).scored() == 0) {
                        continue;
                    }
                    cancel.throwIfCancelled();
                    progress.update(0.4 + 0.5 * j / batches.size(), "drift of " + b.day());
                    DriftScoring.Outcome o = scoring.check(b, figures.get(j).sample(), figures.get(j).heldOutSample(),
                            refQuotes, refHeldOut, reference, active, topics);
                    drift.put(b.id(), o.drift());
                    explaining.put(b.id(), o.explaining());
                }
            } finally {
                if (embedder instanceof AutoCloseable c) {
                    c.close();
                }
            }
            store.drift().saveAll(new ArrayList<>(drift.values()));
        }
        progress.update(0.95, "forgetting matrix");
        Long s1 = active.stage1().id();
        Long s2 = active.stage2().id();
        for (ForgettingMatrix.Version v : cells.versions(s1, s2)) {
            if (v.active()) {
                figures.forEach(f -> cells.store(v, f.batch(), f.validation(), topics));
            }
        }
        ForgettingMatrix matrix = cells.read(batches, s1, s2);
        LOG.info("monitoring: {} batches, reference {}, {} alerts", batches.size(), reference,
                drift.values().stream().filter(BatchDrift::alert).count());
        return Optional.of(new MonitoringReport("v" + s1 + "/" + s2, timeline, reference, drift, explaining, matrix,
                settings.drift().alpha(), MonitoringReport.SHIFT_ALERT, unfamiliar.shares()));
    }

    /** Reads each batch's predictions (scoring only those missing) into {@code figures}; the accuracy timeline. */
    private List<TimelinePoint> timeline(CascadeVersions.Active active, List<Batch> batches, List<BatchFigures> figures,
                                         SeenQuotes.Seen seen, UnfamiliarAlerts unfamiliar, ProgressSink progress, CancellationToken cancel)
            throws Exception {
        List<TimelinePoint> timeline = new ArrayList<>();
        int earlierCorrect = 0;
        int earlierLabelled = 0;
        for (int j = 0; j < batches.size(); j++) {
            progress.update(0.4 * j / Math.max(1, batches.size()), "reading " + batches.get(j).day());
            BatchFigures f = new BatchFigures(batches.get(j), settings.drift().maxSample(), settings.drift().seed(), seen);
            long batchId = batches.get(j).id();
            loader.forEach(batchId, active, q -> {
                f.add(q);
                unfamiliar.add(batchId, q.prediction());
            }, progress, cancel);
            figures.add(f);
            timeline.add(f.point(earlierCorrect, earlierLabelled));
            earlierCorrect += f.correct();
            earlierLabelled += f.labelled();
        }
        return timeline;
    }

    /**
     * The last Refresh again at start, from what it stored: the timeline from the stored
     * predictions, the stored drift figures of the active versions and the stored matrix; no
     * embeddings are computed and no explaining quotes are listed. Empty when no cascade is
     * active or this cascade was never refreshed (a first Refresh is the user's choice).
     */
    public Job<Optional<MonitoringReport>> restore() {
        return (progress, cancel) -> {
            Optional<CascadeVersions.Active> found = new CascadeVersions(store).active();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            CascadeVersions.Active active = found.get();
            Map<Long, BatchDrift> drift = new HashMap<>();
            storedDrift().forEach((batch, d) -> {
                if (d.stage1VersionId() == active.stage1().id()) {
                    drift.put(batch, d);
                }
            });
            if (drift.isEmpty()) {
                return Optional.empty();
            }
            List<Batch> batches = store.batches().list();
            UnfamiliarAlerts unfamiliar = UnfamiliarAlerts.forStage1(java.nio.file.Path.of(active.stage1().path()));
            List<TimelinePoint> timeline = timeline(active, batches, new ArrayList<>(),
                    new SeenQuotes(store).of(active.stage1(), active.stage2()), unfamiliar, progress, cancel);
            Long s1 = active.stage1().id();
            Long s2 = active.stage2().id();
            return Optional.of(new MonitoringReport("v" + s1 + "/" + s2, timeline, referenceBatches(active, batches), drift,
                    Map.of(), cells.read(batches, s1, s2), settings.drift().alpha(), MonitoringReport.SHIFT_ALERT,
                    unfamiliar.shares()));
        };
    }

    /**
     * About {@code size} quotes spread over the reference batches in proportion to their scored
     * quotes, each part drawn from that batch's uniform sample: close to a uniform draw from the union.
     * With {@code heldOut}, from the quotes no version trained on (for the model-output tests).
     */
    private List<ScoredQuote> referenceSample(List<BatchFigures> figures, List<Long> reference, int size,
                                              boolean heldOut) {
        List<BatchFigures> ref = figures.stream().filter(f -> reference.contains(f.batch().id())).toList();
        long total = ref.stream().mapToLong(f -> heldOut ? f.heldOutScored() : f.scored()).sum();
        List<ScoredQuote> out = new ArrayList<>();
        for (BatchFigures f : ref) {
            int n = heldOut ? f.heldOutScored() : f.scored();
            int share = total <= size ? n : (int) Math.round((double) size * n / total);
            long seed = settings.drift().seed();
            out.addAll(heldOut ? f.heldOutSample(share, seed) : f.sample(share, seed));
        }
        return out;
    }

    /** The batches the active lineage learned (its update record), else the first few batches. */
    List<Long> referenceBatches(CascadeVersions.Active active, List<Batch> batches) {
        Set<Long> present = new LinkedHashSet<>(batches.stream().map(Batch::id).toList());
        List<Long> learned = new ArrayList<>();
        try {
            JsonNode steps = Json.MAPPER.readTree(active.stage1().metricsJson()).path("time_record").path("steps");
            steps.forEach(step -> step.forEach(id -> {
                if (present.contains(id.asLong()) && !learned.contains(id.asLong())) {
                    learned.add(id.asLong());
                }
            }));
        } catch (IOException | RuntimeException e) {
            LOG.debug("no update record in the active version's metrics", e);
        }
        if (!learned.isEmpty()) {
            return learned;
        }
        int n = Math.min(settings.referenceBatches(), Math.max(1, batches.size() - 1));
        return batches.stream().limit(n).map(Batch::id).toList();
    }
}

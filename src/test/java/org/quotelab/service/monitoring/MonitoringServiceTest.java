package org.quotelab.service.monitoring;

import org.quotelab.ml.infer.LoadedModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.model.ModelStatus;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.continual.BertEmbedder;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitoring on the sample days 1, 2, 3 and 10 with a tiny cascade and the bundled encoder:
 * days 1-2 are the reference, day 3's input stays quiet, the shifted day 10 raises input drift
 * (as DriftCheckTest found; day 7 is left out to keep the test short), and the forgetting matrix
 * matches the stored predictions.
 */
class MonitoringServiceTest {
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringServiceTest.class);

    @TempDir
    Path dir;

    @Test
    void timelineDriftAndMatrixOnTheSampleDays() throws Exception {
        try (QuoteStore store = QuoteStore.open(dir.resolve("store").resolve("quotelab"));
                LoadedModels models = new LoadedModels();
                PredictionCache scorer = new PredictionCache(store, models)) {
            MonitoredStore.importDays(store, dir, 1, 2, 3, 10);
            List<Batch> batches = store.batches().list();
            Path folder = MonitoredStore.trainTiny(store, batches.get(0), 120, dir.resolve("cascade"));
            CascadeVersions.Active active = new CascadeVersions(store, models).register(folder, true);
            // 150 quotes a side, as DriftCheckTest: enough for day 10, and half the encoder time of the default
            MonitoringService.Settings defaults = MonitoringService.Settings.defaults();
            MonitoringService service = new MonitoringService(store, scorer, BertEmbedder::bundled,
                    new MonitoringService.Settings(defaults.referenceBatches(), defaults.drift().withMaxSample(150)));

            assertTrue(service.restore().run(ProgressSink.NONE, new CancellationToken()).isEmpty(),
                    "nothing to restore before the first Refresh");
            MonitoringReport r = service.refresh().run(ProgressSink.NONE, new CancellationToken()).orElseThrow();
            // at the next start the charts come back from the store, without computing drift again
            MonitoringReport restored = service.restore().run(ProgressSink.NONE, new CancellationToken()).orElseThrow();
            assertEquals(r.timeline(), restored.timeline());
            assertEquals(r.drift().keySet(), restored.drift().keySet());
            r.drift().forEach((id, d) -> assertEquals(d.mmdPValue(), restored.drift().get(id).mmdPValue(), 1e-12));
            assertEquals(r.referenceBatchIds(), restored.referenceBatchIds());

            assertEquals(4, r.timeline().size(), "one point per batch");
            for (TimelinePoint p : r.timeline()) {
                assertTrue(p.labelled() > 0 && p.measured() >= 0 && p.measured() <= 1, p.toString());
                assertTrue(p.estimated() > 0 && p.estimated() <= 1, p.toString());
            }
            assertTrue(Double.isNaN(r.timeline().get(0).historical()));
            assertFalse(Double.isNaN(r.timeline().get(3).historical()));
            // every quote now has a stored prediction of the active cascade
            assertEquals(store.quotes().count(), store.quotes().count(QuoteFilter.all()
                    .withModels(active.stage1().id(), active.stage2().id()).withPredictedClass(null)));

            assertEquals(List.of(batches.get(0).id(), batches.get(1).id()), r.referenceBatchIds());
            BatchDrift day3 = r.drift().get(batches.get(2).id());
            LOG.info("day-03 {} tests {} notes {}", day3.severity(), day3.tests(), day3.notes());
            assertTrue(input(day3).adjustedP() >= r.alpha(), "day 3 is close to days 1-2: " + input(day3));
            for (int j : new int[] {3}) {
                BatchDrift d = r.drift().get(batches.get(j).id());
                LOG.info("{} {} tests {} explained by {}", batches.get(j).day(), d.severity(), d.tests(),
                        r.explaining().get(batches.get(j).id()));
                assertTrue(input(d).adjustedP() < r.alpha(), batches.get(j).day() + ": " + input(d));
                assertTrue(d.severity().alert() && r.alertBatchIds().contains(batches.get(j).id()));
                // the model-output tests compare held-out quotes only: about a fifth of each day
                DriftTest conf = d.tests().stream().filter(t -> t.kind() == DriftTest.Kind.CONFIDENCE).findFirst()
                        .orElseThrow();
                assertTrue(conf.currentSize() < input(d).currentSize(), conf.toString());
                List<ExplainingQuote> why = r.explaining().get(batches.get(j).id());
                assertFalse(why.isEmpty());
                for (ExplainingQuote q : why) {
                    assertEquals(batches.get(j).id(), store.quotes().find(q.quoteId()).orElseThrow().batchId());
                    assertTrue(q.predicted() != null && !q.text().isBlank());
                }
            }
            // stored for the Data view's badge
            Map<Long, BatchDrift> stored = service.storedDrift();
            assertEquals(2, stored.size());
            assertEquals(day3.mmdPValue(), stored.get(batches.get(2).id()).mmdPValue(), 1e-12);
            assertEquals(day3.severity(), stored.get(batches.get(2).id()).severity());
            assertEquals(day3.tests(), stored.get(batches.get(2).id()).tests());
            assertEquals(r.explaining().get(batches.get(3).id()).stream().map(ExplainingQuote::quoteId).toList(),
                    stored.get(batches.get(3).id()).explainingQuoteIds());

            ForgettingMatrix m = r.matrix();
            assertEquals(1, m.versions().size());
            assertTrue(m.versions().get(0).active());
            for (int j = 0; j < batches.size(); j++) {
                assertEquals(validationAccuracy(store, batches.get(j), active), m.value(0, j), 1e-9);
            }

            // a second record of the same cascade has an empty row until the user asks for it
            new CascadeVersions(store, models).register(folder, false);
            ForgettingMatrix before = service.storedMatrix();
            assertEquals(2, before.versions().size());
            assertEquals(batches.size(), before.missing());
            ForgettingMatrix filled = service.fillMatrix().run(ProgressSink.NONE, new CancellationToken());
            assertEquals(0, filled.missing());
            for (int j = 0; j < batches.size(); j++) {
                assertEquals(filled.value(0, j), filled.value(1, j), 1e-9, "same weights, same accuracy");
            }
        }
    }

    private static DriftTest input(BatchDrift d) {
        return d.tests().stream().filter(t -> t.kind() == DriftTest.Kind.INPUT).findFirst().orElseThrow();
    }

    @Test
    void referenceIsWhatTheActiveLineageLearnedElseTheFirstBatches() throws Exception {
        try (QuoteStore store = QuoteStore.open(dir.resolve("store").resolve("quotelab")); LoadedModels models = new LoadedModels()) {
            MonitoringService service = new MonitoringService(store, new PredictionCache(store, models),
                    () -> texts -> new float[0][], MonitoringService.Settings.defaults());
            List<Batch> batches = new java.util.ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                batches.add(new Batch(10 + i, i, "day-" + i + ".csv", "h" + i, "", "day-" + i, Instant.now(), 5));
            }
            // an updated version records the batch ids of each update step; ids no longer stored are ignored
            String updated = "{\"time_record\":{\"steps\":[[11],[12,99]],\"rows\":[]}}";
            assertEquals(List.of(11L, 12L), service.referenceBatches(active(updated), batches));
            // a freshly trained cascade does not say what it learned: the first two batches
            assertEquals(List.of(11L, 12L), service.referenceBatches(active("{\"topics\":[]}"), batches));
            // and never every batch, so something is left to compare
            assertEquals(List.of(11L), service.referenceBatches(active("{}"), batches.subList(0, 2)));
        }
    }

    private static CascadeVersions.Active active(String metricsJson) {
        ModelVersion one = new ModelVersion(1, 1, null, ModelStatus.ACTIVE, "/m/c/stage1", "{}", metricsJson,
                Instant.now(), null);
        ModelVersion two = new ModelVersion(2, 2, null, ModelStatus.ACTIVE, "/m/c/stage2", "{}", "{}", Instant.now(),
                null);
        return new CascadeVersions.Active(one, two, Path.of("/m/c"));
    }

    /** Accuracy on the batch's labelled validation quotes, straight from the stored predictions. */
    private static double validationAccuracy(QuoteStore store, Batch b, CascadeVersions.Active a) {
        Page<QuoteRow> rows = store.quotes().review(QuoteFilter.all().withBatch(b.id()).withValidation(true)
                .withLabelled(true).withModels(a.stage1().id(), a.stage2().id()), 0, 10_000);
        int ok = 0;
        for (QuoteRow r : rows.items()) {
            String truth = r.label().label().inTopic() ? r.label().label().topic() : "0";
            String predicted = r.prediction().predictedLabel() == 0 ? "0" : r.prediction().predictedTopic();
            ok += truth.equals(predicted) ? 1 : 0;
        }
        assertFalse(rows.items().isEmpty());
        return (double) ok / rows.items().size();
    }
}

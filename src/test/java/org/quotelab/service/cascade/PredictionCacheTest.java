package org.quotelab.service.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.service.continual.LabelledQuote;
import org.quotelab.service.continual.VersionEvaluation;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.SettingsRepository;

/** A stored batch scored by a registered tiny cascade: predictions land in the real H2 store. */
class PredictionCacheTest {

    @TempDir
    Path dir;

    @Test
    void registersActivatesAndStoresPredictionsForEveryQuote() throws Exception {
        TrainingConfig t = TrainingConfig.builder().epochs(1).batchSize(8).learningRate(1e-3).seed(5).build();
        CascadeConfig cfg = new CascadeConfig(BertModels.TINY, t, t, Construction.SEED, 2, 0.2, 5, null);
        Path cascade = dir.resolve("cascade");
        new CascadeTrainer(new FineTuneListener() { }, p -> { }, ComputeDevice.AUTO)
                .train(CascadeTrainerTest.quotes(40, 3), cfg, cascade, () -> false);

        List<LabelledText> day = CascadeTrainerTest.quotes(30, 4);
        StringBuilder csv = new StringBuilder("quote_id,quote_text\n");
        for (int i = 0; i < day.size(); i++) {
            csv.append("q").append(i).append(',').append(day.get(i).text()).append('\n');
        }
        Path file = dir.resolve("day-01.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        try (QuoteStore store = QuoteStore.open(dir.resolve("db").resolve("quotelab"));
                LoadedModels models = new LoadedModels();
                PredictionCache scoring = new PredictionCache(store, models)) {
            ImportResult imported = store.importer().importFile(file, ImportOptions.defaults());
            long batch = imported.batches().get(0).id();
            CancellationToken cancelled = new CancellationToken();
            cancelled.cancel();
            assertThrows(IllegalStateException.class, () -> scoring.scoreBatch(batch, ProgressSink.NONE, new CancellationToken()));

            // nothing stored and no cascade: the untuned point; then the stored recommendation
            assertEquals(OperatingPoints.UNTUNED, OperatingPoints.current(store));
            CascadeVersions.Active active = new CascadeVersions(store, models).register(cascade, true);
            assertEquals(CascadeModel.read(cascade).operatingPoint(), OperatingPoints.current(store));
            assertEquals(CascadeModel.read(cascade).threshold(),
                    store.settings().getDouble(SettingsRepository.STAGE1_THRESHOLD, -1));
            assertThrows(JobCancelledException.class, () -> scoring.scoreBatch(batch, ProgressSink.NONE, cancelled));

            assertEquals(30, scoring.scoreBatch(batch, ProgressSink.NONE, new CancellationToken()));
            long firstId = store.quotes().page(batch, 0, 1).items().get(0).id();
            Prediction p = store.predictions().find(firstId, active.stage1().id(), active.stage2().id()).orElseThrow();
            assertTrue(p.pInTopic() >= 0 && p.pInTopic() <= 1);
            assertEquals(4, p.topicProbabilities().size());
            assertTrue(p.confidence() > 0 && p.confidence() <= 1);
            // training fitted stage 1's feature statistics: every stored prediction has its unfamiliar score
            assertTrue(p.unfamiliar() != null && p.unfamiliar() >= 0, "unfamiliar score " + p.unfamiliar());
            assertEquals(p.unfamiliar() > CascadeTrainerTest.cutoff(cascade), p.unfamiliarFlag());
            QuoteFilter withModels = QuoteFilter.all().withBatch(batch).withModels(active.stage1().id(), active.stage2().id());
            long out = store.quotes().count(withModels.withPredictedClass(QuoteFilter.OUT_OF_TOPIC));
            long in = 0;
            for (String topic : CascadeModel.read(cascade).topics()) {
                in += store.quotes().count(withModels.withPredictedClass(topic));
            }
            assertEquals(30, out + in);

            // rows without a prediction are scored like the batch and stored; cached rows are kept as they are
            List<QuoteRow> rows = store.quotes().review(withModels, 0, 5).items();
            List<QuoteRow> unscored = new ArrayList<>(rows);
            unscored.set(0, rows.get(0).withPrediction(null));
            List<QuoteRow> again = scoring.ensureScored(unscored, ProgressSink.NONE, new CancellationToken());
            assertEquals(5, again.size());
            assertEquals(firstId, again.get(0).quote().id());
            assertEquals(p.pInTopic(), again.get(0).prediction().pInTopic(), 1e-6);
            assertEquals(p.predictedLabel(), again.get(0).prediction().predictedLabel());
            for (int i = 1; i < 5; i++) {
                assertSame(rows.get(i).prediction(), again.get(i).prediction());
            }
        }
    }

    @Test
    void scoringAndEvaluationShareOneLoadedModelUntilAnActivationReplacesIt() throws Exception {
        TrainingConfig t = TrainingConfig.builder().epochs(1).batchSize(8).learningRate(1e-3).seed(5).build();
        CascadeConfig cfg = new CascadeConfig(BertModels.TINY, t, t, Construction.SEED, 2, 0.2, 5, null);
        Path first = dir.resolve("first");
        new CascadeTrainer(new FineTuneListener() { }, p -> { }, ComputeDevice.AUTO)
                .train(CascadeTrainerTest.quotes(40, 3), cfg, first, () -> false);
        Path second = dir.resolve("second");
        try (var files = Files.walk(first)) {
            for (Path f : files.toList()) {
                Files.copy(f, second.resolve(first.relativize(f).toString()));
            }
        }
        Path file = dir.resolve("day.csv");
        Files.writeString(file, "quote_id,quote_text\nq1,the soup was cold\nq2,our waiter was friendly\n");
        try (QuoteStore store = QuoteStore.open(dir.resolve("db").resolve("quotelab"));
                LoadedModels models = new LoadedModels()) {
            long batch = store.importer().importFile(file, ImportOptions.defaults()).batches().get(0).id();
            PredictionCache scoring = new PredictionCache(store, models);
            new CascadeActivation(store, models).register(first, "test");
            scoring.scoreBatch(batch, ProgressSink.NONE, new CancellationToken());
            Path stage1 = first.resolve(CascadeModel.read(first).stage1());
            assertTrue(models.isLoaded(stage1));
            VersionScorer loaded;
            try (LoadedModels.Lease<VersionScorer> lease = models.version(stage1)) {
                loaded = lease.model();
            }
            int before = models.loaded();
            // the update's evaluation of the active version uses the copy scoring loaded
            VersionEvaluation.of(models, stage1, List.of("0", "1"), List.of(List.of(new LabelledQuote(1, "the soup was cold", "1"))), ComputeDevice.AUTO);
            assertEquals(before, models.loaded());
            try (LoadedModels.Lease<VersionScorer> lease = models.version(stage1)) {
                assertSame(loaded, lease.model());
            }
            assertTrue(loaded.isOpen());

            new CascadeActivation(store, models).register(second, "test");
            assertFalse(loaded.isOpen(), "the replaced version's model is closed");
            assertFalse(models.isLoaded(stage1));
            scoring.scoreBatch(batch, ProgressSink.NONE, new CancellationToken());
            assertTrue(models.isLoaded(second.resolve(CascadeModel.read(second).stage1())));
        }
    }
}

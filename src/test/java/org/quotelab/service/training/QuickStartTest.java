package org.quotelab.service.training;

import org.quotelab.ml.infer.LoadedModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;

/** The first start's quick model, from a real H2 store with the tiny BERT. */
class QuickStartTest extends TrainingStoreFixture {

    @Test
    void theQuickModelServesPredictionsBeforeTheFullFineTuneEnds() throws Exception {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<List<QuoteRow>> scoredWhileServing = new AtomicReference<>();
        AtomicReference<ModelVersion> quick = new AtomicReference<>();
        try (PredictionCache predictions = new PredictionCache(store, models)) {
            TrainingOutcome full = training.quickStart(TrainingDays.tinyRequest(Stages.BOTH), e -> {
                events.add(e);
                if (e instanceof TrainingEvent.Serving) {
                    // the full fine-tune has not begun: no run of it exists yet
                    assertEquals(1, store.runs().list().size());
                    quick.set(store.models().active(1).orElseThrow());
                    // recorded like a full fine-tune's, so evaluation can leave its training quotes out
                    var seen = new org.quotelab.service.cascade.SeenQuotes(store).of(quick.get(),
                            store.models().active(2).orElseThrow());
                    assertTrue(seen.recorded() && !seen.ids().isEmpty(), "what the quick start trained on");
                    List<QuoteRow> rows = store.quotes().review(QuoteFilter.all(), 0, 20).items();
                    try {
                        scoredWhileServing.set(predictions.ensureScored(rows, ProgressSink.NONE, new CancellationToken()));
                    } catch (java.io.IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                }
            }).run(ProgressSink.NONE, new CancellationToken());

            assertNotNull(quick.get(), "a model served before the full fine-tune");
            assertTrue(quick.get().provenanceJson().contains("frozen encoder + linear head"), quick.get().provenanceJson());
            assertTrue(quick.get().statusReason().startsWith(QuickStart.REASON), quick.get().statusReason());
            assertEquals(20, scoredWhileServing.get().size());
            assertTrue(scoredWhileServing.get().stream().allMatch(r -> r.prediction() != null), "every row predicted");
            int serving = events.indexOf(events.stream().filter(TrainingEvent.Serving.class::isInstance).findFirst().orElseThrow());
            assertTrue(events.subList(serving, events.size()).stream().anyMatch(TrainingEvent.Step.class::isInstance),
                    "the fine-tune's steps come after the quick model serves");

            assertEquals(2, store.runs().list().size());
            assertTrue(store.runs().list().stream().allMatch(r -> r.status() == RunStatus.DONE));
            CascadeModel fullModel = CascadeModel.read(full.folder());
            assertTrue(fullModel.facts().containsKey(CascadeTrainer.VALIDATION_MACRO_F1));
            // either way exactly one of the two serves, and it is the better one on the held-out quotes
            long active = store.models().active(1).orElseThrow().id();
            assertEquals(full.activated() ? full.stage1Version() : quick.get().id(), active);
        }
    }

    @Test
    void cancellingTheFullFineTuneKeepsTheQuickModel() throws Exception {
        CancellationToken cancel = new CancellationToken();
        assertThrows(JobCancelledException.class, () -> training.quickStart(TrainingDays.tinyRequest(Stages.BOTH), e -> {
            if (e instanceof TrainingEvent.Serving) {
                cancel.cancel();
            }
        }).run(ProgressSink.NONE, cancel));
        ModelVersion active = store.models().active(1).orElseThrow();
        assertTrue(active.statusReason().startsWith(QuickStart.REASON));
        assertFalse(training.status().offerFirstModel());
        assertEquals(1, store.models().list(1).size(), "the cancelled fine-tune registered nothing");
    }

    @Test
    void aCandidateReplacesTheServingCascadeOnlyWithABetterHeldOutScore() throws Exception {
        TrainingOutcome quick = new QuickStart(store, dir.resolve("models"), models).run(
                TrainingDays.tinyRequest(Stages.BOTH).config(), new ProgressTracker(e -> { }, ProgressSink.NONE,
                        store.metrics()), new CancellationToken());
        CascadeModel m = CascadeModel.read(quick.folder());
        double f1 = ((Number) m.facts().get(CascadeTrainer.VALIDATION_MACRO_F1)).doubleValue();
        var serving = new org.quotelab.service.cascade.CascadeVersions(store).active();
        assertTrue(QuickStart.notBetter(serving, quick.folder()).isPresent(), "an equal score does not replace");
        java.util.Map<String, Object> facts = new java.util.HashMap<>(m.facts());
        facts.put(CascadeTrainer.VALIDATION_MACRO_F1, f1 + 0.01);
        Path better = java.nio.file.Files.createDirectories(dir.resolve("better"));
        new CascadeModel(m.topics(), m.stage1(), m.stage2(), m.stage1Temperature(), m.stage2Temperature(),
                m.threshold(), m.class0Threshold(), m.construction(), facts).write(better);
        assertTrue(QuickStart.notBetter(serving, better).isEmpty(), "a better score replaces");
    }
}

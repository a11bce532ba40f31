package org.quotelab.service.training;

import java.util.Set;
import java.util.stream.Collectors;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.store.VersionQuoteRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.model.TrainingRun;
import org.quotelab.service.continual.Strategy;
import org.quotelab.service.continual.UpdateSettings;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.store.QuoteStore;

/** Full fine-tunes and an update from a real H2 store with the tiny BERT, without any UI. */
class TrainingServiceTest extends TrainingStoreFixture {

    @Test
    void fullFineTuneRegistersActivatesAndRecordsTheRun() throws Exception {
        assertTrue(training.status().offerFirstModel());
        // what a killed job leaves behind goes with the next training
        Path stale = Files.createDirectories(dir.resolve("models").resolve(".cascade-killed.partial").resolve("stage1"));
        Files.writeString(stale.resolve("model.safetensors"), "half written");
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        List<Double> fractions = new CopyOnWriteArrayList<>();
        TrainingOutcome o = training.fineTune(TrainingDays.tinyRequest(Stages.BOTH), events::add)
                .run((f, m) -> fractions.add(f), new CancellationToken());

        assertTrue(o.activated());
        assertEquals(o.stage1Version(), store.models().active(1).orElseThrow().id());
        assertEquals(o.stage2Version(), store.models().active(2).orElseThrow().id());
        assertTrue(Files.isRegularFile(o.folder().resolve("cascade.json")));
        assertEquals(List.of(o.folder()), list(dir.resolve("models")), "no partial folder is left, old or new");
        TrainingRun run = store.runs().find(o.runId()).orElseThrow();
        assertEquals(RunStatus.DONE, run.status());
        assertEquals(o.stage1Version(), run.modelVersionId());
        assertFalse(training.status().offerFirstModel());

        List<TrainingEvent.Step> steps = events.stream().filter(TrainingEvent.Step.class::isInstance)
                .map(TrainingEvent.Step.class::cast).toList();
        assertTrue(steps.size() >= 4, "steps of both stages: " + steps.size());
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i).step() > steps.get(i - 1).step(), "one step axis over both stages");
        }
        assertTrue(steps.stream().skip(1).allMatch(s -> s.etaSeconds() >= 0), "an ETA once a step is timed");
        assertEquals(2, events.stream().filter(TrainingEvent.Epoch.class::isInstance).count());
        assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.Phase p && p.name().startsWith("stage 2")));
        assertEquals(steps.size(), store.metrics().loss(o.runId(), -1).size());
        assertEquals(2, store.metrics().epochs(o.runId()).size());
        assertEquals(1.0, fractions.get(fractions.size() - 1));

        // both versions record what they saw: every training quote, and the held-out part they were calibrated on
        Set<Long> training = store.quotes().review(QuoteFilter.all().withLabelled(true).withValidation(false), 0, 10_000)
                .items().stream().map(r -> r.quote().id()).collect(Collectors.toSet());
        for (long v : new long[] {o.stage1Version(), o.stage2Version()}) {
            assertEquals(training, store.versionQuotes().quoteIds(v));
            Set<Long> calibrated = store.versionQuotes().quoteIds(v, VersionQuoteRepository.CALIBRATED);
            assertTrue(!calibrated.isEmpty() && calibrated.size() < training.size(), calibrated.toString());
        }
    }

    @Test
    void cancellingStopsAtTheNextStepAndRegistersNothing() throws Exception {
        CancellationToken token = new CancellationToken();
        List<TrainingEvent.Step> steps = new CopyOnWriteArrayList<>();
        assertThrows(JobCancelledException.class, () -> training.fineTune(TrainingDays.tinyRequest(Stages.BOTH), e -> {
            if (e instanceof TrainingEvent.Step s) {
                steps.add(s);
                // one training at a time: a second job is refused at once, before it touches anything
                assertThrows(IllegalStateException.class, () -> training.fineTune(TrainingDays.tinyRequest(
                        Stages.BOTH), x -> { }).run((f, m) -> { }, new CancellationToken()));
                token.cancel();
            }
        }).run((f, m) -> { }, token));

        assertEquals(1, steps.size(), "training stops before the step after the cancel");
        assertEquals(1, store.runs().list().size(), "the refused job recorded no run");
        TrainingRun run = store.runs().list().get(0);
        assertEquals(RunStatus.CANCELLED, run.status());
        assertEquals(null, run.modelVersionId());
        assertTrue(store.models().list(1).isEmpty() && store.models().list(2).isEmpty());
        assertTrue(list(dir.resolve("models")).isEmpty(), "the partial folder is removed");
        assertEquals(1, store.metrics().loss(run.id(), -1).size());
    }

    @Test
    void stageTwoAloneKeepsTheActiveStageOneAndAnUpdateLearnsANewDay() throws Exception {
        TrainingOutcome first = training.fineTune(TrainingDays.tinyRequest(Stages.BOTH), e -> { })
                .run((f, m) -> { }, new CancellationToken());
        TrainingOutcome second = training.fineTune(TrainingDays.tinyRequest(Stages.STAGE2), e -> { })
                .run((f, m) -> { }, new CancellationToken());
        assertEquals(second.stage2Version(), store.models().active(2).orElseThrow().id());
        assertTrue(second.stage2Version() > first.stage2Version());
        Path firstStage1 = Path.of(store.models().find(first.stage1Version()).orElseThrow().path());
        assertEquals(-1, Files.mismatch(firstStage1.resolve("model.safetensors"),
                second.folder().resolve("stage1").resolve("model.safetensors")), "stage 1 is reused as it was");

        TrainingDays.importDay(store, dir, "day-02", 40, 12);
        UpdateRequest defaults = UpdateRequest.defaults();
        UpdateSettings tiny = new UpdateSettings("tiny", TrainingDays.tinyRequest(Stages.BOTH).config().stage1(),
                TrainingDays.tinyRequest(Stages.BOTH).config().stage1(), 10, 5);
        UpdateRequest r = new UpdateRequest(List.of(), Strategy.parse("naive"), tiny, defaults.gate(), DeviceChoice.CPU);
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingOutcome u = training.update(r, events::add).run((f, m) -> { }, new CancellationToken());
        assertEquals(RunStatus.DONE, store.runs().find(u.runId()).orElseThrow().status());
        assertTrue(events.stream().anyMatch(TrainingEvent.Step.class::isInstance));
        assertFalse(store.metrics().loss(u.runId(), -1).isEmpty(), "the update's loss is recorded with its run");
        // the update's candidates saw what their parents saw and day 2's training quotes
        long day2 = store.batches().list().get(1).id();
        Set<Long> learned = store.quotes().review(QuoteFilter.all().withBatch(day2).withLabelled(true)
                .withValidation(false), 0, 10_000).items().stream().map(row -> row.quote().id())
                .collect(Collectors.toSet());
        Set<Long> candidate = store.versionQuotes().quoteIds(u.stage1Version());
        assertTrue(candidate.containsAll(learned) && !learned.isEmpty());
        assertTrue(candidate.containsAll(store.versionQuotes().quoteIds(second.stage1Version())));
    }

    @Test
    void stageOneAloneKeepsTheActiveStageTwo() throws Exception {
        TrainingOutcome first = training.fineTune(TrainingDays.tinyRequest(Stages.BOTH), e -> { })
                .run((f, m) -> { }, new CancellationToken());
        TrainingOutcome second = training.fineTune(TrainingDays.tinyRequest(Stages.STAGE1), e -> { })
                .run((f, m) -> { }, new CancellationToken());
        assertEquals(second.stage1Version(), store.models().active(1).orElseThrow().id());
        assertEquals(second.stage2Version(), store.models().active(2).orElseThrow().id());
        Path firstStage2 = Path.of(store.models().find(first.stage2Version()).orElseThrow().path());
        assertEquals(-1, Files.mismatch(firstStage2.resolve("model.safetensors"),
                second.folder().resolve("stage2").resolve("model.safetensors")), "stage 2 is copied as it was");
        assertTrue(Files.mismatch(Path.of(store.models().find(first.stage1Version()).orElseThrow().path())
                .resolve("model.safetensors"), second.folder().resolve("stage1").resolve("model.safetensors")) >= 0,
                "stage 1 is new");
        // the copied stage 2 saw what the first one saw
        assertEquals(store.versionQuotes().quoteIds(first.stage2Version()),
                store.versionQuotes().quoteIds(second.stage2Version()));
    }

    private static List<Path> list(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }
}

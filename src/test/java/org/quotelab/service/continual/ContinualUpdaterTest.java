package org.quotelab.service.continual;

import org.quotelab.ml.infer.LoadedModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.continual.PromotionGate;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.ModelStatus;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.continual.EwcFisherFile;
import org.quotelab.service.cascade.CascadeActivation;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;

/** Update jobs on a tiny cascade against a real H2 store: gate refusal, promotion, roll back, cancel. */
class ContinualUpdaterTest {

    @TempDir
    Path dir;

    @Test
    void updatesRegisterCandidatesGateThemAndRollBack() throws Exception {
        ContinualFixture.trainCascade(dir.resolve("models").resolve("first"));
        try (QuoteStore store = QuoteStore.open(dir.resolve("db").resolve("quotelab")); LoadedModels models = new LoadedModels()) {
            store.importer().importFile(ContinualFixture.writeDay(dir, "day-01", ContinualFixture.quotes(60, 1, 0)),
                    ImportOptions.defaults());
            store.importer().importFile(ContinualFixture.writeDay(dir, "day-02", ContinualFixture.quotes(60, 2, 0.5)),
                    ImportOptions.defaults());
            CascadeVersions.Active first = new CascadeVersions(store, models).register(dir.resolve("models").resolve("first"), true);
            ContinualUpdater updater = new ContinualUpdater(store, dir.resolve("models"), models, ComputeDevice.AUTO);

            // Cancelled before it starts: no version, run cancelled, nothing left on disk.
            CancellationToken cancelled = new CancellationToken();
            cancelled.cancel();
            assertThrows(JobCancelledException.class, () -> updater.update(
                    ContinualFixture.request("replay+ewc", PromotionGate.defaults()), ProgressSink.NONE, cancelled));
            assertEquals(RunStatus.CANCELLED, store.runs().list().get(0).status());
            assertEquals(1, store.models().list(1).size());

            // A gate nobody can pass: the candidates stay candidates with the reason, the active cascade is untouched.
            ContinualUpdater.Outcome refused = updater.update(ContinualFixture.request("replay+ewc",
                    new PromotionGate(0, 1.0)), ProgressSink.NONE, new CancellationToken());
            assertFalse(refused.promoted());
            ModelVersion c1 = store.models().find(refused.stages().get(0).candidate().id()).orElseThrow();
            assertEquals(ModelStatus.CANDIDATE, c1.status());
            assertTrue(c1.statusReason().contains("backward transfer"), c1.statusReason());
            assertEquals(first.stage1().id(), store.models().active(1).orElseThrow().id());
            assertEquals(first.stage1().id(), c1.parentId());
            assertTrue(c1.metricsJson().contains("\"bwt\"") && c1.metricsJson().contains("time_record"));
            assertTrue(c1.provenanceJson().contains("replay+ewc"), c1.provenanceJson());
            assertTrue(EwcFisherFile.exists(Path.of(c1.path())));
            assertEquals(20, store.replay().list(1).size());
            assertEquals(RunStatus.DONE, store.runs().list().get(0).status());

            // A gate that lets it through: both stages become active; roll back by activating the old ones.
            ContinualUpdater.Outcome promoted = updater.update(ContinualFixture.request("rehearsal",
                    new PromotionGate(1.0, -1.0)), ProgressSink.NONE, new CancellationToken());
            assertTrue(promoted.promoted());
            assertEquals(promoted.stages().get(0).candidate().id(), store.models().active(1).orElseThrow().id());
            assertEquals(promoted.stages().get(1).candidate().id(), store.models().active(2).orElseThrow().id());
            assertEquals(promoted.folder(), new CascadeVersions(store).active().orElseThrow().folder());
            new CascadeActivation(store, models).activate(List.of(first.stage1(), first.stage2()), "roll back");
            assertEquals(first.folder(), new CascadeVersions(store).active().orElseThrow().folder());
            try (Stream<Path> left = Files.list(dir.resolve("models"))) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
            }
        }
    }
}

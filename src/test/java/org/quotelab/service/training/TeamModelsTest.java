package org.quotelab.service.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.cascade.SharedModels;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreFixture;
import org.quotelab.store.StoreLocation;

/**
 * Two machines of a team on one PostgreSQL store, each with its own models folder: the second
 * scores with the cascade the first trained, restored from the store, and reads its provenance.
 */
class TeamModelsTest {
    @TempDir
    Path dir;

    @Test
    void aSecondMachineScoresWithTheCascadeTheFirstTrained() throws Exception {
        StoreLocation at = StoreFixture.location(StoreFixture.StoreKind.POSTGRES, dir);
        Path modelsA = dir.resolve("machine-a").resolve("models");
        Path modelsB = dir.resolve("machine-b").resolve("models");
        TrainingOutcome trained;
        try (QuoteStore a = QuoteStore.open(at).withModelCache(SharedModels.cacheFor(modelsA));
                LoadedModels modelsOfA = new LoadedModels()) {
            TrainingDays.importDay(a, dir, "day-01", 60, 11);
            trained = new TrainingService(a, modelsA, modelsOfA).fineTune(TrainingDays.tinyRequest(Stages.BOTH), e -> { })
                    .run(ProgressSink.NONE, new CancellationToken());
            assertTrue(trained.activated());
        }
        // machine B never sees machine A's disk
        Path elsewhere = dir.resolve("machine-a-disk");
        Files.move(dir.resolve("machine-a"), elsewhere);
        Path original = elsewhere.resolve("models").resolve(trained.folder().getFileName());

        try (QuoteStore b = QuoteStore.open(at).withModelCache(SharedModels.cacheFor(modelsB));
                PredictionCache scoring = new PredictionCache(b, new LoadedModels(3))) {
            CascadeVersions.Active active = scoring.active().orElseThrow();
            assertEquals(trained.stage1Version(), active.stage1().id());
            assertTrue(active.folder().startsWith(dir.resolve("machine-b")), active.folder().toString());
            assertFalse(Files.exists(Path.of(b.models().find(active.stage1().id()).orElseThrow().path())),
                    "the recorded path is machine A's");
            for (String file : new String[] {"cascade.json", "stage1/provenance.json", "stage2/model.safetensors"}) {
                assertArrayEquals(Files.readAllBytes(original.resolve(file)), Files.readAllBytes(active.folder().resolve(file)),
                        file);
            }

            assertEquals(60, scoring.scoreBatch(null, ProgressSink.NONE, new CancellationToken()));
            Quote q = b.quotes().page(null, 0, 1).items().get(0);
            Prediction p = b.predictions().find(q.id(), active.stage1().id(), active.stage2().id()).orElseThrow();
            assertTrue(p.pInTopic() >= 0 && p.pInTopic() <= 1);

            // every version's provenance, as the first machine wrote it
            ModelVersion v = b.models().find(active.stage2().id()).orElseThrow();
            assertEquals(Files.readString(original.resolve("stage2").resolve("provenance.json")), v.provenanceJson());
            // a second look uses the copy already made
            assertEquals(active.folder(), scoring.active().orElseThrow().folder());
        }
    }
}

package org.quotelab.ml.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.Provenance;
import org.quotelab.ml.versions.RunEnvironment;

/** Saved tiny versions shared through one holder: one load per version, closed when evicted or retired. */
class LoadedModelsTest {
    private static final LabelMap LABELS = new LabelMap(List.of("a", "b"));

    @TempDir
    static Path dir;
    static Path first;
    static Path second;

    @BeforeAll
    static void saveTwoVersions() throws IOException {
        first = save("v1", 1);
        second = save("v2", 2);
    }

    private static Path save(String name, long seed) throws IOException {
        TrainingConfig cfg = TrainingConfig.builder().maxLength(32).seed(seed).build();
        Path version = dir.resolve(name);
        try (ClassifierModel model = BertModels.open(BertModels.TINY, LABELS.size(), cfg, ComputeDevice.AUTO)) {
            ModelVersions.save(model, LABELS, new Provenance("tiny", null, "x", 0, 0, cfg.asMap(), Map.of(),
                    LABELS.labels(), "label", RunEnvironment.describe(model.net().manager()), "now", 0), version);
        }
        return version;
    }

    @Test
    void twoUsersOfOneVersionShareTheLoadedModel() throws Exception {
        try (LoadedModels models = new LoadedModels(2)) {
            VersionScorer kept;
            try (LoadedModels.Lease<VersionScorer> a = models.version(first);
                    LoadedModels.Lease<VersionScorer> b = models.version(dir.resolve("x").resolve("..").resolve("v1"))) {
                assertSame(a.model(), b.model());
                assertEquals(1, models.loaded());
                kept = a.model();
                assertEquals(2, kept.probabilities(List.of("the soup was cold"))[0].length);
            }
            // released by both, still among the recently used: the next user gets it without a load
            try (LoadedModels.Lease<VersionScorer> c = models.version(first)) {
                assertSame(kept, c.model());
                assertTrue(c.model().isOpen());
            }
        }
    }

    @Test
    void concurrentFirstUsersWaitForOneLoad() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LoadedModels models = new LoadedModels(1)) {
            Callable<VersionScorer> use = () -> {
                try (LoadedModels.Lease<VersionScorer> l = models.version(second)) {
                    l.model().probabilities(List.of("service was slow"));
                    return l.model();
                }
            };
            Future<VersionScorer> x = pool.submit(use);
            Future<VersionScorer> y = pool.submit(use);
            assertSame(x.get(), y.get());
            assertEquals(1, models.loaded());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEvictedModelIsClosedAndLoadedAgainWhenAskedFor() throws Exception {
        try (LoadedModels models = new LoadedModels(1)) {
            VersionScorer old;
            try (LoadedModels.Lease<VersionScorer> a = models.version(first)) {
                old = a.model();
                // held models are never evicted, whatever the capacity
                try (LoadedModels.Lease<VersionScorer> b = models.version(second)) {
                    assertEquals(2, models.loaded());
                    assertTrue(old.isOpen());
                }
            }
            // both idle now, one allowed: the least recently released (second) went
            assertEquals(1, models.loaded());
            assertTrue(models.isLoaded(first));
            assertFalse(models.isLoaded(second));
            try (LoadedModels.Lease<VersionScorer> b = models.version(second)) {
                assertFalse(old.isOpen(), "evicted to make room for the second version");
                assertFalse(models.isLoaded(first));
                assertNotSame(old, b.model());
            }
        }
    }

    @Test
    void aRetiredVersionClosesWhenItsLastUserLetsGo() throws Exception {
        try (LoadedModels models = new LoadedModels(3)) {
            LoadedModels.Lease<VersionScorer> held = models.version(first);
            VersionScorer idle;
            try (LoadedModels.Lease<VersionScorer> b = models.version(second)) {
                idle = b.model();
            }
            models.retire(List.of(first, second));
            assertFalse(idle.isOpen(), "an idle retired version closes at once");
            assertTrue(held.model().isOpen(), "a held one stays usable");
            held.model().probabilities(List.of("still scoring"));
            held.close();
            held.close(); // a second close releases nothing more
            assertFalse(held.model().isOpen());
            assertEquals(0, models.loaded());
        }
    }

    @Test
    void closeIdleFreesWhatNobodyHolds() throws Exception {
        LoadedModels models = new LoadedModels(3);
        VersionScorer idle;
        try (LoadedModels.Lease<VersionScorer> a = models.version(first)) {
            idle = a.model();
        }
        LoadedModels.Lease<VersionScorer> held = models.version(second);
        models.closeIdle();
        assertFalse(idle.isOpen());
        assertTrue(held.model().isOpen());
        models.close();
        assertTrue(held.model().isOpen(), "closing the holder waits for the last user");
        held.close();
        assertFalse(held.model().isOpen());
        assertThrows(IllegalStateException.class, () -> models.version(first));
    }

    @Test
    void aFailedLoadIsNotRemembered() {
        try (LoadedModels models = new LoadedModels(2)) {
            assertThrows(IOException.class, () -> models.version(dir.resolve("missing")));
            assertEquals(0, models.loaded());
            assertThrows(IOException.class, () -> models.version(dir.resolve("missing")));
        }
    }
}

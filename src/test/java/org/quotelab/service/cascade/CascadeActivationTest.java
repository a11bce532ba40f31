package org.quotelab.service.cascade;

import org.quotelab.ml.infer.LoadedModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.model.ModelStatus;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.ml.infer.VersionCheck;
import org.quotelab.store.QuoteStore;
import org.quotelab.ui.TinyCascade;

/** The one activation path on a real H2 store with the tiny random cascade: weight checks and one transaction. */
class CascadeActivationTest {

    @TempDir
    Path dir;

    @Test
    void aTruncatedCascadeIsRefusedAndThePreviousOneStaysActive() throws Exception {
        try (QuoteStore store = QuoteStore.open(dir.resolve("db").resolve("quotelab")); LoadedModels models = new LoadedModels()) {
            CascadeVersions.Active before = new CascadeVersions(store, models).register(TinyCascade.folder(), true);
            for (String stage : List.of("stage1", "stage2")) {
                Path corrupt = copy("truncated-" + stage);
                truncate(corrupt.resolve(stage).resolve(ModelVersions.WEIGHTS));
                IOException e = assertThrows(IOException.class, () -> new CascadeVersions(store, models).register(corrupt, true));
                assertTrue(e.getMessage().contains("cannot be used"), e.getMessage());
                assertUnchanged(store, before);
            }
        }
    }

    @Test
    void withoutTheLoadedModelsACascadeIsRegisteredAsCandidateButNeverActivated() throws Exception {
        try (QuoteStore store = QuoteStore.open(dir.resolve("db").resolve("quotelab"))) {
            CascadeVersions reader = new CascadeVersions(store);
            assertThrows(IllegalStateException.class, () -> reader.register(TinyCascade.folder(), true));
            assertTrue(reader.active().isEmpty(), "nothing was activated");
            CascadeVersions.Active candidate = reader.register(TinyCascade.folder(), false);
            assertEquals(ModelStatus.CANDIDATE, store.models().find(candidate.stage1().id()).orElseThrow().status());
        }
    }

    @Test
    void wellFormedButNonFiniteWeightsAreRefusedByTheForwardPass() throws Exception {
        Path nan = copy("nan");
        Path weights = nan.resolve("stage2").resolve(ModelVersions.WEIGHTS);
        fillDataWithNaN(weights);
        assertThrows(VersionCheck.UnusableVersionException.class, () -> VersionCheck.check(nan.resolve("stage2"), ComputeDevice.AUTO));
        try (QuoteStore store = QuoteStore.open(dir.resolve("db").resolve("quotelab")); LoadedModels models = new LoadedModels()) {
            CascadeVersions.Active before = new CascadeVersions(store, models).register(TinyCascade.folder(), true);
            assertThrows(IOException.class, () -> new CascadeActivation(store, models).register(nan, "test"));
            assertUnchanged(store, before);
        }
    }

    @Test
    void aFailureInTheSecondStagesActivationLeavesTheFirstStageAsItWas() throws Exception {
        try (QuoteStore store = QuoteStore.open(dir.resolve("db").resolve("quotelab")); LoadedModels models = new LoadedModels()) {
            CascadeVersions.Active before = new CascadeVersions(store, models).register(TinyCascade.folder(), true);
            CascadeVersions.Active next = new CascadeVersions(store, models).register(TinyCascade.folder(), false);
            // stage 2's row vanished between the plan and the switch: its weights pass, its activation fails
            ModelVersion gone = new ModelVersion(next.stage2().id() + 1000, 2, null, ModelStatus.CANDIDATE,
                    next.stage2().path(), "{}", "{}", next.stage2().createdAt(), null);
            assertThrows(IllegalArgumentException.class, () -> new CascadeActivation(store, models).activate(
                    List.of(next.stage1(), gone), "test"));
            assertUnchanged(store, before);
            assertEquals(ModelStatus.CANDIDATE, store.models().find(next.stage1().id()).orElseThrow().status());
            assertEquals(Optional.empty(), store.settings().get(CascadeActivation.PREVIOUS + 1));

            List<ModelVersion> on = new CascadeActivation(store, models).activate(List.of(next.stage1(), next.stage2()), "test");
            assertEquals(List.of(next.stage1().id(), next.stage2().id()), on.stream().map(ModelVersion::id).toList());
            assertEquals(String.valueOf(before.stage1().id()), store.settings().get(CascadeActivation.PREVIOUS + 1).orElseThrow());
            assertTrue(on.get(1).statusReason().endsWith("(was v" + before.stage2().id() + ")"), on.get(1).statusReason());
        }
    }

    @Test
    void switchesShownBeforeAnotherActivationAreRefused() throws Exception {
        try (QuoteStore store = QuoteStore.open(dir.resolve("db").resolve("quotelab")); LoadedModels models = new LoadedModels()) {
            CascadeVersions.Active first = new CascadeVersions(store, models).register(TinyCascade.folder(), true);
            CascadeVersions.Active second = new CascadeVersions(store, models).register(TinyCascade.folder(), false);
            List<CascadeActivation.Switch> shown = List.of(new CascadeActivation.Switch(1, first.stage1(), second.stage1()),
                    new CascadeActivation.Switch(2, first.stage2(), second.stage2()));
            CascadeVersions.Active third = new CascadeVersions(store, models).register(TinyCascade.folder(), true);
            assertThrows(IllegalStateException.class, () -> new CascadeActivation(store, models).activate(shown, "test", null));
            assertUnchanged(store, third);
        }
    }

    private Path copy(String name) throws Exception {
        Path to = dir.resolve(name);
        ModelFolders.copyTree(TinyCascade.folder(), to);
        return to;
    }

    private static void assertUnchanged(QuoteStore store, CascadeVersions.Active before) {
        CascadeVersions.Active now = new CascadeVersions(store).active().orElseThrow();
        assertEquals(before.stage1().id(), now.stage1().id());
        assertEquals(before.stage2().id(), now.stage2().id());
    }

    /** Cuts the file in half, as a kill or a full disk during a copy would. */
    static void truncate(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }

    /** Keeps the header and overwrites every tensor byte with 0xFF: a well-formed file of NaN weights. */
    private static void fillDataWithNaN(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] len = new byte[8];
            f.readFully(len);
            long start = 8 + ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
            byte[] ff = new byte[(int) (f.length() - start)];
            Arrays.fill(ff, (byte) 0xFF);
            f.seek(start);
            f.write(ff);
        }
    }
}

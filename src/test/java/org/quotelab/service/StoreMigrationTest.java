package org.quotelab.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.service.cascade.SharedModels;
import org.quotelab.store.EmbeddedPostgres;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreLocation;

/** Moving an H2 store to PostgreSQL also keeps its versions' folders there for the team. */
class StoreMigrationTest {
    @TempDir
    Path dir;

    @Test
    void theVersionsFoldersMoveWithTheStoreAndAnotherMachineRestoresThem() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("db.properties"), "user=" + EmbeddedPostgres.user() + "\n");
        AppHome data = new AppHome(home);
        Path folder = data.models().resolve("cascade-20260101-120000-r1");
        Files.createDirectories(folder.resolve("stage1"));
        Files.createDirectories(folder.resolve("stage2"));
        Files.writeString(folder.resolve("cascade.json"), "{\"topics\":[\"a\"]}");
        byte[] weights = new byte[(1 << 20) * 2 + 12_345]; // three chunks
        new Random(3).nextBytes(weights);
        Files.write(folder.resolve("stage1").resolve("model.safetensors"), weights);
        Files.write(folder.resolve("stage2").resolve("empty.bin"), new byte[0]);
        try (QuoteStore h2 = QuoteStore.open(data.store())) {
            h2.models().create(1, null, folder.resolve("stage1").toString(), "{\"by\":\"ann\"}", "{}");
            h2.models().create(2, null, folder.resolve("stage2").toString(), "{}", "{}");
        }

        String pg = EmbeddedPostgres.newDatabase();
        StoreMigration.Result r = new StoreMigration(data).migrate(null, pg, line -> { });
        assertTrue(r.copied() && r.matches(), r.toString());
        assertEquals(1, r.keptFolders());
        assertEquals(weights.length + "{\"topics\":[\"a\"]}".length(), r.keptBytes());

        StoreLocation at = data.store(pg);
        Path otherModels = dir.resolve("machine-b").resolve("models");
        Files.move(data.models(), dir.resolve("gone"));
        try (QuoteStore b = QuoteStore.open(at).withModelCache(SharedModels.cacheFor(otherModels))) {
            ModelVersion v = SharedModels.local(b, b.models().list(1).get(0));
            Path restored = Path.of(v.path());
            assertTrue(restored.startsWith(dir.resolve("machine-b")), restored.toString());
            assertArrayEquals(weights, Files.readAllBytes(restored.resolve("model.safetensors")));
            assertEquals(0, Files.size(restored.getParent().resolve("stage2").resolve("empty.bin")));
            assertEquals("{\"topics\":[\"a\"]}", Files.readString(restored.getParent().resolve("cascade.json")));
        }
    }
}

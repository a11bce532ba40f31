package org.quotelab.ml.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic folder writes and the sweep of work folders, on real files. */
class ModelFoldersTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesNeitherTheTargetNorItsTemporaryFolder() throws Exception {
        Path target = dir.resolve("v1");
        assertThrows(IOException.class, () -> ModelFolders.writeAtomically(target, d -> {
            Files.writeString(d.resolve("model.safetensors"), "half");
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), list(dir));

        ModelFolders.writeAtomically(target, d -> Files.writeString(d.resolve("config.json"), "{}"));
        assertEquals("{}", Files.readString(target.resolve("config.json")));
        assertEquals(List.of("v1"), list(dir));
        assertThrows(FileAlreadyExistsException.class, () -> ModelFolders.writeAtomically(target, d -> { }));
    }

    @Test
    void theSweepRemovesWorkFoldersAtAnyDepthAndKeepsVersions() throws Exception {
        Path models = dir.resolve("models");
        Path keep = Files.createDirectories(models.resolve("cascade-1").resolve("stage1"));
        Files.writeString(keep.resolve("model.safetensors"), "weights");
        Path tmp = Files.createDirectories(models.resolve(".v3.tmp-12345"));
        Files.writeString(tmp.resolve("model.safetensors"), "half");
        Path partial = Files.createDirectories(models.resolve(".update-20240101-r7.partial").resolve("stage1"));
        Path nested = Files.createDirectories(models.resolve("cascade-1").resolve(".stage2.tmp-9"));
        Path staging = Files.createDirectories(models.resolve("cascade-1").resolve(".stage2.staging-77"));
        Files.createDirectories(models.resolve(".hidden-but-not-work"));

        List<Path> removed = ModelFolders.sweep(models);

        assertEquals(4, removed.size(), removed.toString());
        for (Path p : List.of(tmp, partial.getParent(), nested, staging)) {
            assertFalse(Files.exists(p), p.toString());
        }
        assertEquals("weights", Files.readString(keep.resolve("model.safetensors")));
        assertTrue(Files.isDirectory(models.resolve(".hidden-but-not-work")));
        assertEquals(List.of(), ModelFolders.sweep(models));
        assertEquals(List.of(), ModelFolders.sweep(dir.resolve("absent")));
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

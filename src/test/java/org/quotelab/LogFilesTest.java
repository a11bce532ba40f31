package org.quotelab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU probe is quieted only where no NVIDIA driver is installed. */
class LogFilesTest {
    @TempDir
    Path dir;

    @Test
    void aDriverIsFoundByItsProcEntryOrItsLibrary() throws Exception {
        Path proc = dir.resolve("proc-nvidia");
        Path lib = Files.createDirectories(dir.resolve("lib"));
        assertFalse(LogFiles.hasNvidiaDriver(proc, List.of(lib)), "a CUDA runtime alone is no driver");
        Files.writeString(lib.resolve("libcudart.so"), "");
        assertFalse(LogFiles.hasNvidiaDriver(proc, List.of(lib)));
        Files.writeString(lib.resolve("libcuda.so.1"), "");
        assertTrue(LogFiles.hasNvidiaDriver(proc, List.of(lib)));
        Files.createDirectories(proc);
        assertTrue(LogFiles.hasNvidiaDriver(proc, List.of()));
    }
}

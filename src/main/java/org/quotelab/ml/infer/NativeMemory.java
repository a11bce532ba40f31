package org.quotelab.ml.infer;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands freed native memory back to the system. libtorch frees a training job's tensors into
 * glibc's heaps, which keep the pages: without this the process stays at the job's peak for the
 * rest of the session. A full garbage collection first hands back the Java heap the job grew;
 * then glibc's {@code malloc_trim(0)} releases the free pages of every heap;
 * elsewhere (macOS, Windows, musl) this does nothing.
 */
public final class NativeMemory {
    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);

    /** Only the glibc call we need. */
    interface CLibrary extends Library {
        int malloc_trim(long pad);
    }

    private static volatile CLibrary libc;
    private static volatile boolean unavailable = !Platform.isLinux();

    private NativeMemory() {
    }

    /** Releases free native memory; returns the MB the resident set shrank by, or -1 where it cannot. */
    public static long trim() {
        if (unavailable) {
            return -1;
        }
        try {
            if (libc == null) {
                libc = Native.load("c", CLibrary.class);
            }
            long before = residentMb();
            // a full collection first: it frees the native arrays only garbage still points at, and
            // G1 uncommits the heap a job grew but no longer uses (it never does so on its own)
            System.gc();
            libc.malloc_trim(0);
            long released = before < 0 ? -1 : before - residentMb();
            LOG.info("returned {} MB of freed native memory to the system", released);
            return released;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            unavailable = true; // not glibc
            LOG.debug("malloc_trim is not available: {}", e.getMessage());
            return -1;
        }
    }

    private static long residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}

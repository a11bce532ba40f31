package org.quotelab.ml.infer;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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

        int mallopt(int param, int value);
    }

    /** glibc's mallopt parameter for the most heaps (arenas) threads may spread over. */
    static final int M_ARENA_MAX = -8;
    /** Heaps glibc may keep, per core; glibc's default is 8 per core on 64-bit. */
    static final int ARENAS_PER_CORE = 1;
    /** G1 gives back the heap above this share of free space at each collection cycle's end (JVM default 70). */
    static final int MAX_HEAP_FREE_PERCENT = 30;
    /** and grows it to keep this share free (JVM default 40). */
    static final int MIN_HEAP_FREE_PERCENT = 10;

    private static volatile CLibrary libc;
    private static volatile boolean unavailable = !Platform.isLinux();

    private NativeMemory() {
    }

    /**
     * Keeps the process's memory close to what it uses, once at start (before libtorch loads and
     * the job threads start). glibc gives each thread that allocates its own heap, up to 8 per
     * core: libtorch's tensors freed on one thread's heap cannot serve another's, so a training
     * job's threads held several copies of a step's peak. And G1 keeps up to 70 % of the Java heap
     * free after a collection: a weight load of a few hundred MB left that much committed. A
     * value the user set on the command line (-XX:...) or in MALLOC_ARENA_MAX is kept.
     * Elsewhere than Linux with glibc the native part does nothing.
     */
    public static void configure() {
        leanHeap();
        if (unavailable || System.getenv("MALLOC_ARENA_MAX") != null) {
            return;
        }
        try {
            int arenas = Math.max(2, ARENAS_PER_CORE * Runtime.getRuntime().availableProcessors());
            if (libc().mallopt(M_ARENA_MAX, arenas) == 1) {
                LOG.debug("glibc heaps limited to {}", arenas);
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            unavailable = true; // not glibc
            LOG.debug("mallopt is not available: {}", e.getMessage());
        }
    }

    private static void leanHeap() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // the smaller one first: the JVM refuses a minimum above the maximum and the reverse
            setIfDefault(vm, "MinHeapFreeRatio", MIN_HEAP_FREE_PERCENT);
            setIfDefault(vm, "MaxHeapFreeRatio", MAX_HEAP_FREE_PERCENT);
        } catch (RuntimeException e) {
            LOG.debug("heap free ratios left as they are: {}", e.getMessage());
        }
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String name, int value) {
        VMOption option = vm.getVMOption(name);
        if (option.getOrigin() == VMOption.Origin.DEFAULT) {
            vm.setVMOption(name, String.valueOf(value));
        }
    }

    private static CLibrary libc() {
        if (libc == null) {
            libc = Native.load("c", CLibrary.class);
        }
        return libc;
    }

    /** Releases free native memory; returns the MB the resident set shrank by, or -1 where it cannot. */
    public static long trim() {
        if (unavailable) {
            return -1;
        }
        try {
            long before = residentMb();
            // a full collection first: it frees the native arrays only garbage still points at, and
            // G1 uncommits the heap a job grew but no longer uses (it never does so on its own)
            System.gc();
            libc().malloc_trim(0);
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

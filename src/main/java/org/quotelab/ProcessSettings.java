package org.quotelab;

import java.nio.file.Path;
import org.quotelab.ml.infer.NativeMemory;
import org.quotelab.service.AppHome;

/** Process-wide settings that must be in place before DJL or JavaFX start. */
public final class ProcessSettings {

    private ProcessSettings() {
    }

    public static void configure() {
        // Without these DJL phones home at start (four 1 s time-outs) and may try to download.
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // Keep the 400 MB of unpacked engine natives inside the app's own data folder.
        setIfAbsent("DJL_CACHE_DIR", AppHome.resolve().djlCache().toString());
        // Before anything logs, so that the whole session is in the data folder's logs/.
        LogFiles.writeTo(AppHome.resolve().logs());
        // macOS has no CUDA: only Linux and Windows have a driver to look for
        if (!System.getProperty("os.name", "").startsWith("Mac")) {
            LogFiles.quietGpuProbeWithoutDriver(Path.of("/proc/driver/nvidia"), LogFiles.driverLibraryDirs());
        }
        // Must precede the first libtorch load; see ADR 0013.
        OpenMpEnvironment.preferPassiveWait();
        // Before the job threads start: fewer glibc heaps and a Java heap that shrinks (ADR 0014).
        NativeMemory.configure();
    }

    /**
     * For the desktop app: libtorch's jobs get at most one core fewer than the machine has, so
     * the FX thread, the store and an import keep a core while a model trains (ADR 0011); within
     * that cap the thread policy of ADR 0013 gives up cores that other processes use.
     */
    public static void configureDesktop() {
        configure();
        OpenMpEnvironment.quietGtkSettings();
        setIfAbsent("quotelab.threads.max", String.valueOf(torchThreads(Runtime.getRuntime().availableProcessors())));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    static int torchThreads(int cores) {
        return Math.max(1, cores - 1);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

package org.quotelab;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts OMP_WAIT_POLICY=PASSIVE with a short GOMP_SPINCOUNT into this process's C environment
 * before libtorch loads.
 *
 * <p>Why: libtorch's OpenMP (libgomp) reads its wait policy once, from the C environment, when
 * the library loads. Java cannot change its own environment, so every launcher (the jar,
 * {@code mvn javafx:run}, the jpackage image, tests) would need a wrapper script; calling the C
 * library's setenv through JNA (already on the class path for DJL) reaches all of them. With
 * the default policy, idle OpenMP threads spin for a while before sleeping and take cores from
 * everyone else (ADR 0013). A short spin (10,000 turns, well under a millisecond) still bridges
 * the microsecond gaps between the operations of one step, which PASSIVE alone turns into
 * futex sleeps and wake-ups: measured 1.6x faster training steps on a quiet machine. It costs
 * nothing when cores are taken, because the thread policy then runs one thread and no worker
 * waits. A value the user set is kept, and a user's own wait policy gets no spin count from us.
 */
final class OpenMpEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(OpenMpEnvironment.class);
    static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    static final String SPIN_COUNT = "GOMP_SPINCOUNT";
    static final String DEFAULT_SPIN_COUNT = "10000";

    /** Only the POSIX call we need. */
    interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private OpenMpEnvironment() {
    }

    /** Sets the policy unless already set; returns the value libgomp will see, or null. */
    static String preferPassiveWait() {
        if (Platform.isWindows()) {
            // The Windows libtorch uses Intel's OpenMP, configured otherwise; left alone.
            return null;
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            if (c.getenv(WAIT_POLICY) == null) {
                c.setenv(SPIN_COUNT, DEFAULT_SPIN_COUNT, 0);
            }
            return setDefault(WAIT_POLICY, "PASSIVE");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.warn("could not set {} ({}); start with {}=PASSIVE to keep busy cores fast", WAIT_POLICY,
                    e.getMessage(), WAIT_POLICY);
            return null;
        }
    }

    /**
     * GTK's file chooser reads its settings through GSettings; on desktops without a writable
     * dconf (containers, remote sessions) every dialog prints "dconf" warnings to the console.
     * The in-memory backend keeps them quiet; the app stores nothing in GSettings. Linux only,
     * before JavaFX loads GTK; a value the user set is kept.
     */
    static String quietGtkSettings() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return setDefault("GSETTINGS_BACKEND", "memory");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debug("could not set GSETTINGS_BACKEND: {}", e.getMessage());
            return null;
        }
    }

    /** setenv without overwriting; returns the value the C library now has. */
    private static String setDefault(String name, String value) {
        CLibrary c = Native.load("c", CLibrary.class);
        c.setenv(name, value, 0);
        return c.getenv(name);
    }
}

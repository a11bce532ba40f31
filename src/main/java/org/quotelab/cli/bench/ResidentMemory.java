package org.quotelab.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The process's resident memory from /proc/self: now (VmRSS), its high-water mark (VmHWM), and a
 * reset of that mark so that each phase of a bench gets its own peak.
 */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** VmHWM in MB, or -1 where /proc is missing. */
    static long peakMb() {
        return field("VmHWM:");
    }

    /** VmRSS in MB, or -1 where /proc is missing. */
    static long currentMb() {
        return field("VmRSS:");
    }

    /**
     * Sets the high-water mark back to the current resident size ("5" to clear_refs, Linux 4.0+).
     * Returns false where that is not allowed: the mark then keeps the peak since the start.
     */
    static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5", StandardOpenOption.WRITE);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}

package org.quotelab.ml.infer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many cores other processes keep busy, sampled by a daemon thread every half second.
 * Our own CPU time is subtracted, so libtorch's own threads never count as contention. Linux
 * reads /proc/stat and /proc/self/stat (both in clock ticks); elsewhere the JDK's system and
 * process CPU load stand in.
 */
final class CpuLoad {
    static final long PERIOD_MS = 500;

    private static volatile double othersBusy = -1;
    private static Thread sampler;

    private CpuLoad() {
    }

    /** Cores busy with other processes over the last period; waits for the first sample. */
    static double othersBusyCores() {
        ensureStarted();
        long deadline = System.nanoTime() + 3 * PERIOD_MS * 1_000_000;
        while (othersBusy < 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return Math.max(0, othersBusy);
    }

    private static synchronized void ensureStarted() {
        if (sampler != null) {
            return;
        }
        sampler = new Thread(CpuLoad::run, "cpu-load-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void run() {
        int cores = Runtime.getRuntime().availableProcessors();
        long[] before = ticks();
        while (true) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            long[] now = ticks();
            if (before != null && now != null && now[2] > before[2]) {
                othersBusy = others(cores, now[0] - before[0], now[1] - before[1], now[2] - before[2]);
            } else if (now == null) {
                othersBusy = fallback(cores);
            }
            before = now;
        }
    }

    /** Busy cores of everyone but us, from tick deltas of all busy time, our time and all time. */
    static double others(int cores, long busy, long own, long total) {
        return Math.max(0, cores * (double) (busy - own) / total);
    }

    /** {busy, own, total} ticks, or null where /proc is missing. */
    private static long[] ticks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long v = Long.parseLong(cpu[i]);
                total += v;
                // idle (4) and iowait (5) are the only fields that are not work
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return new long[] {busy, own, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double fallback(int cores) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double system = os.getCpuLoad();
            double own = os.getProcessCpuLoad();
            if (system >= 0 && own >= 0) {
                return Math.max(0, cores * (system - own));
            }
        }
        return 0;
    }
}

package org.quotelab.ui.stall;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures the gaps between FX pulses with an AnimationTimer, which runs once per pulse on the
 * FX thread. A watchdog thread records the FX thread's stack whenever it misses pulses for 60 ms:
 * the cause of a slow gap. Inside each gap over 100 ms it also notes the FX thread's own CPU time,
 * which tells work of its own from waiting for a core.
 */
final class PulseMeter {
    /** The screen updates that follow an import (batch list, wizard closing) count too. */
    static final double TAIL_SECONDS = 0.5;
    private static final long SLOW_NS = 100_000_000L;
    private static final long STALL_NS = 60_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong last = new AtomicLong();
    private final AtomicLong lastCpu = new AtomicLong();
    private final AtomicLong maxGap = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final List<String> slow = new CopyOnWriteArrayList<>();
    private final List<String> stalls = new CopyOnWriteArrayList<>();
    private volatile Thread fx;
    private volatile long t0;
    private Thread watchdog;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long prev = last.getAndSet(now);
            long cpu = THREADS.getCurrentThreadCpuTime();
            long prevCpu = lastCpu.getAndSet(cpu);
            if (prev != 0) {
                maxGap.accumulateAndGet(now - prev, Math::max);
                if (now - prev > SLOW_NS) {
                    slow.add(String.format(Locale.ROOT, "%.0fms(fx cpu %.0fms)@%.2fs", (now - prev) / 1e6,
                            (cpu - prevCpu) / 1e6, (now - t0) / 1e9));
                }
            }
            frames.incrementAndGet();
        }
    };

    /** Starts measuring; call from any thread but the FX thread. */
    void start() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        t0 = System.nanoTime();
        Platform.runLater(() -> {
            fx = Thread.currentThread();
            timer.start();
            started.countDown();
        });
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not start the pulse timer");
        }
        watchdog = new Thread(this::watch, "pulse-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Stops measuring after the timer's last pulse; call from any thread but the FX thread. */
    void stop() throws InterruptedException {
        watchdog.interrupt();
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            timer.stop();
            stopped.countDown();
        });
        stopped.await(30, TimeUnit.SECONDS);
        watchdog.join(1000);
    }

    long frames() {
        return frames.get();
    }

    double maxGapMs() {
        return maxGap.get() / 1e6;
    }

    List<String> slowGaps() {
        return List.copyOf(slow);
    }

    List<String> stalls() {
        return List.copyOf(stalls);
    }

    private void watch() {
        long reported = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            long prev = last.get();
            if (prev != 0 && prev != reported && System.nanoTime() - prev > STALL_NS) {
                reported = prev;
                StringBuilder where = new StringBuilder();
                StackTraceElement[] stack = fx.getStackTrace();
                for (int i = 0; i < Math.min(14, stack.length); i++) {
                    where.append(i == 0 ? "" : " < ").append(stack[i].getClassName().replaceAll(".*\\.", ""))
                            .append('.').append(stack[i].getMethodName());
                }
                stalls.add(String.format(Locale.ROOT, "stall@%.2fs: %s", (prev - t0) / 1e9, where));
            }
        }
    }
}

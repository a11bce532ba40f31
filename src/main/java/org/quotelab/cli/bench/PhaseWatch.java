package org.quotelab.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Where within a phase the resident peak happens: samples the resident size, the committed Java
 * heap and the running job's progress message every {@link #PERIOD_MS} ms, and keeps the sample
 * with the largest resident size. The high-water mark ({@link ResidentMemory#peakMb()}) stays the
 * phase's true peak; a sample can miss a spike shorter than the period, but it tells which step
 * the memory belonged to and how much of it was Java heap.
 */
final class PhaseWatch implements AutoCloseable {
    static final long PERIOD_MS = 200;

    /** The sample with the largest resident size, and the largest committed heap of the phase. */
    record Peak(long rssMb, long heapCommittedMb, String step, long maxHeapCommittedMb) {
    }

    private final Supplier<String> step;
    private final Thread sampler;
    private volatile boolean running = true;
    private long peakRss = -1; // guarded by this
    private long heapAtPeak = -1; // guarded by this
    private String stepAtPeak = ""; // guarded by this
    private long maxHeap = -1; // guarded by this

    /** @param step the running step's description (a job's progress message), read at each sample */
    PhaseWatch(Supplier<String> step) {
        this.step = step;
        sample();
        sampler = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        }, "phase-memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        long rss = ResidentMemory.currentMb();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576;
        String now = step.get();
        synchronized (this) {
            maxHeap = Math.max(maxHeap, heap);
            if (rss > peakRss) {
                peakRss = rss;
                heapAtPeak = heap;
                stepAtPeak = now == null ? "" : now;
            }
        }
    }

    synchronized Peak peak() {
        return new Peak(peakRss, heapAtPeak, stepAtPeak, maxHeap);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        sample();
    }
}

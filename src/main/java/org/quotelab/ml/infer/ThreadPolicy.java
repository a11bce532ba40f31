package org.quotelab.ml.infer;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libtorch's intra-op threads, chosen for each job from the cores other processes leave free.
 *
 * <p>Why: with one OpenMP thread per core, a single busy core elsewhere makes every parallel
 * region wait for the thread that lost its core; measured on 2 cores, training fell 11x and
 * latency 40x (ADR 0013). So a job asks for {@code cores - busy elsewhere} threads, split
 * among this process's own running jobs, never more than {@code quotelab.threads.max}.
 *
 * <p>OpenMP's thread count is per calling thread in libtorch (each thread copies it on its
 * first parallel call), so the count is set by the job on its own thread: {@link #begin()} at
 * job start and {@link Lease#refresh()} between steps or batches, which costs a volatile read
 * unless the count changes. Setting {@code ai.djl.pytorch.num_threads} fixes the count.
 */
public final class ThreadPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPolicy.class);
    static final String MAX_PROPERTY = "quotelab.threads.max";
    public static final String FIXED_PROPERTY = "ai.djl.pytorch.num_threads";

    private static final AtomicInteger ACTIVE = new AtomicInteger();
    /** What this thread last gave libtorch; 0 = not set by us yet. */
    private static final ThreadLocal<int[]> APPLIED = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile ExecutorService helpers;

    private ThreadPolicy() {
    }

    /** Starts a libtorch job on the calling thread and sets its thread count; close it at the end. */
    public static Lease begin() {
        ACTIVE.incrementAndGet();
        Lease lease = new Lease();
        lease.refresh();
        return lease;
    }

    /**
     * Fixes libtorch's intra-op CPU threads for the whole process, replacing the load-driven
     * choice; every job applies it on its own thread when it starts.
     */
    public static void fix(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        System.setProperty(FIXED_PROPERTY, String.valueOf(threads));
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setNumThreads(threads);
            LOG.info("libtorch intra-op threads set to {}", threads);
        }
    }

    /**
     * The intra-op count this thread last gave libtorch (1 before any): work done in Java beside
     * libtorch, such as the optimizer's update, splits over as many threads.
     */
    public static int appliedThreads() {
        return Math.max(1, APPLIED.get()[0]);
    }

    /** Gives libtorch {@code n} intra-op threads for work started on the calling thread. */
    public static void applyOnThisThread(int n) {
        int[] applied = APPLIED.get();
        if (applied[0] != n && "PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setNumThreads(n);
            LOG.debug("libtorch intra-op threads {} -> {} on {}", applied[0], n, Thread.currentThread().getName());
            applied[0] = n;
        }
    }

    /**
     * Runs {@code worker} on the calling thread and on {@code count - 1} helper threads at once
     * and returns when every copy has finished; the workers share their work themselves. The
     * helpers are daemon threads kept for the life of the process (libtorch keeps per-thread
     * state), one fewer than the cores. A worker's exception is rethrown here.
     */
    public static void inParallel(int count, Runnable worker) {
        int extra = Math.min(count, Runtime.getRuntime().availableProcessors()) - 1;
        if (extra <= 0) {
            worker.run();
            return;
        }
        ExecutorService pool = helpers();
        List<Future<?>> running = new ArrayList<>(extra);
        for (int i = 0; i < extra; i++) {
            running.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static ExecutorService helpers() {
        ExecutorService pool = helpers;
        if (pool == null) {
            synchronized (ThreadPolicy.class) {
                pool = helpers;
                if (pool == null) {
                    int size = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
                    pool = Executors.newFixedThreadPool(size, r -> {
                        Thread t = new Thread(r, "libtorch-helper");
                        t.setDaemon(true);
                        return t;
                    });
                    helpers = pool;
                }
            }
        }
        return pool;
    }

    /** The count a job gets: free cores (others' busy cores rounded) shared among our jobs. */
    static int threads(int cores, int max, double othersBusy, int activeJobs) {
        int free = cores - (int) Math.round(othersBusy);
        int share = free / Math.max(1, activeJobs);
        return Math.max(1, Math.min(max, share));
    }

    static int maxThreads(int cores) {
        String max = System.getProperty(MAX_PROPERTY);
        int m = max == null || max.isBlank() ? cores : Integer.parseInt(max.trim());
        return Math.max(1, Math.min(cores, m));
    }

    private static int wanted() {
        String fixed = System.getProperty(FIXED_PROPERTY);
        if (fixed != null && !fixed.isBlank()) {
            return Math.max(1, Integer.parseInt(fixed.trim()));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int max = maxThreads(cores);
        if (max == 1) {
            return 1;
        }
        return threads(cores, max, CpuLoad.othersBusyCores(), ACTIVE.get());
    }

    /** A running job's hold on libtorch threads. Thread-confined, like the job. */
    public static final class Lease implements AutoCloseable {
        private boolean closed;

        private Lease() {
        }

        /** Re-reads the load and changes this thread's count if it should; cheap. */
        public int refresh() {
            int n = wanted();
            applyOnThisThread(n);
            return n;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                ACTIVE.decrementAndGet();
            }
        }
    }
}

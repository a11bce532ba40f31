package org.quotelab.service.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.jobs.JobCancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on a small, bounded pool of daemon threads: never a new thread per action. Training
 * and scoring are CPU-bound on a laptop, so the pool is deliberately small.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final ExecutorService pool;
    private final AtomicLong ids = new AtomicLong();
    private final List<JobHandle<?>> running = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<JobHandle<?>>>> watchers = new CopyOnWriteArrayList<>();
    /** Guards {@link #closing} and {@link #running} together, so no job slips in between close's cancel and shutdown. */
    private final Object lifecycle = new Object();
    private boolean closing;

    public JobRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "quotelab-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues {@code job}. After {@link #close()} has begun the job is dropped: the handle comes back
     * already cancelled and its result fails with {@link JobCancelledException}. The FX thread may
     * still react to a late event (a page arriving, a view reloading) while the app shuts down, and
     * that must neither throw nor start work on a closing store.
     */
    public <T> JobHandle<T> submit(String title, Job<T> job) {
        JobHandle<T> handle = new JobHandle<>(ids.incrementAndGet(), title);
        synchronized (lifecycle) {
            if (closing) {
                return dropped(handle);
            }
            running.add(handle);
        }
        fireChanged();
        try {
            pool.execute(() -> runJob(handle, job));
        } catch (RejectedExecutionException e) {
            running.remove(handle);
            fireChanged();
            return dropped(handle);
        }
        return handle;
    }

    private <T> void runJob(JobHandle<T> handle, Job<T> job) {
        String title = handle.title();
        try {
            T value = job.run(handle::report, handle.token());
            handle.result().complete(value);
        } catch (JobCancelledException e) {
            LOG.info("job '{}' cancelled", title);
            handle.result().completeExceptionally(e);
        } catch (ImportException e) {
            // a refused file is the user's expected mistake, shown in full where they look: no stack trace
            LOG.info("job '{}' refused: {}", title, e.getMessage());
            handle.result().completeExceptionally(e);
        } catch (Exception | Error e) {
            LOG.warn("job '{}' failed", title, e);
            handle.result().completeExceptionally(e);
        } finally {
            running.remove(handle);
            fireChanged();
        }
    }

    private static <T> JobHandle<T> dropped(JobHandle<T> handle) {
        LOG.debug("job '{}' dropped: the job runner is shutting down", handle.title());
        handle.cancel();
        handle.result().completeExceptionally(new JobCancelledException("dropped: the job runner is shutting down"));
        return handle;
    }

    /** Jobs submitted and not yet finished, oldest first. */
    public List<JobHandle<?>> running() {
        return List.copyOf(running);
    }

    /** Called on the job threads whenever a job starts or ends. */
    public void watch(Consumer<List<JobHandle<?>>> watcher) {
        watchers.add(watcher);
    }

    private void fireChanged() {
        List<JobHandle<?>> snapshot = running();
        for (Consumer<List<JobHandle<?>>> w : watchers) {
            w.accept(snapshot);
        }
    }

    /** Drops later submissions, asks every job to stop, then waits a little for them to reach a safe point. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closing = true;
            running.forEach(JobHandle::cancel);
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("jobs still running at shutdown: {}", running.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

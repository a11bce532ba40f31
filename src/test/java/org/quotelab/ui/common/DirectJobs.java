package org.quotelab.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.Job;
import org.quotelab.domain.jobs.JobCancelledException;

/**
 * Runs each job on the caller's thread, so a view-model can be tested without the FX toolkit:
 * when a view-model method returns, its jobs have ended and their handlers have run. A held
 * instance queues the jobs instead, until {@link #runPending()}, to test what a view-model
 * allows while one of its jobs is still running.
 */
public final class DirectJobs implements UiJobs {
    private final boolean held;
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final List<String> titles = new ArrayList<>();

    private DirectJobs(boolean held) {
        this.held = held;
    }

    public static DirectJobs immediate() {
        return new DirectJobs(false);
    }

    public static DirectJobs held() {
        return new DirectJobs(true);
    }

    @Override
    public <T> TrackedJob<T> run(String title, Job<T> job, Consumer<T> onSuccess, Runnable onCancel,
            Consumer<Throwable> onFailure) {
        titles.add(title);
        CancellationToken token = new CancellationToken();
        TrackedJob<T> tracked = new TrackedJob<>(token::cancel);
        Runnable work = () -> {
            T value;
            try {
                value = job.run(tracked::publish, token);
            } catch (JobCancelledException e) {
                onCancel.run();
                return;
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            tracked.done();
            onSuccess.accept(value);
        };
        if (held) {
            pending.add(work);
        } else {
            work.run();
        }
        return tracked;
    }

    /** Each item at once, on the job's thread, as a batch of one. */
    @Override
    public <T> Consumer<T> batched(Consumer<List<T>> onUi) {
        return item -> onUi.accept(List.of(item));
    }

    /** Runs the queued jobs, and those their handlers start, in order; returns how many ran. */
    public int runPending() {
        int n = 0;
        for (Runnable r = pending.poll(); r != null; r = pending.poll()) {
            r.run();
            n++;
        }
        return n;
    }

    /** The titles of every job asked for so far, in order. */
    public List<String> titles() {
        return titles;
    }
}

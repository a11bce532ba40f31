package org.quotelab.service.jobs;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.quotelab.domain.jobs.CancellationToken;

/** A submitted job: its outcome, its latest progress, and the means to cancel it. */
public final class JobHandle<T> {

    /** Last reported progress. */
    public record Progress(double fraction, String message) {
    }

    private final long id;
    private final String title;
    private final Instant submittedAt = Instant.now();
    private final CancellationToken token = new CancellationToken();
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final List<ProgressSink> listeners = new CopyOnWriteArrayList<>();
    private volatile Progress progress = new Progress(-1, "waiting");

    JobHandle(long id, String title) {
        this.id = id;
        this.title = title;
    }

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public CompletableFuture<T> result() {
        return result;
    }

    public Progress progress() {
        return progress;
    }

    public void cancel() {
        token.cancel();
    }

    public boolean isCancelRequested() {
        return token.isCancelled();
    }

    /** Listeners are called on the job's thread. */
    public void addProgressListener(ProgressSink listener) {
        listeners.add(listener);
    }

    CancellationToken token() {
        return token;
    }

    void report(double fraction, String message) {
        progress = new Progress(fraction, message);
        for (ProgressSink l : listeners) {
            l.update(fraction, message);
        }
    }
}

package org.quotelab.service.review;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.quotelab.domain.quote.LabelUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows other people's label changes while a view is open: every {@link #INTERVAL} it asks the
 * store for labels changed since the last history id it saw and hands the changed ones to its
 * sink, on its own daemon thread. Polling works the same on H2 and PostgreSQL; a read costs one
 * indexed query, nothing when nobody wrote. The first read only notes where the history stands.
 */
public final class LabelWatch {
    public static final Duration INTERVAL = Duration.ofMillis(2500);
    private static final Logger LOG = LoggerFactory.getLogger(LabelWatch.class);

    private final LongFunction<LabelUpdates> changedSince;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private long last = -1;

    public LabelWatch(LongFunction<LabelUpdates> changedSince, Duration interval) {
        this.changedSince = changedSince;
        this.interval = interval;
    }

    /** Starts polling (again); does nothing when it already runs. */
    public synchronized void start(Consumer<LabelUpdates> sink) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quotelab-label-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> poll(sink), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling; a later {@link #start} goes on from the last history id seen. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    public synchronized boolean running() {
        return timer != null;
    }

    private void poll(Consumer<LabelUpdates> sink) {
        try {
            boolean first = last < 0;
            LabelUpdates u = changedSince.apply(last);
            last = u.lastHistoryId();
            if (!first && !u.states().isEmpty()) {
                sink.accept(u);
            }
        } catch (RuntimeException e) {
            // a store that is briefly unreachable or closing: the next poll tries again
            LOG.warn("reading label changes failed: {}", e.getMessage());
        }
    }
}

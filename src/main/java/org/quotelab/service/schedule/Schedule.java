package org.quotelab.service.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.continual.DriftCheck;
import org.quotelab.service.continual.ScheduleLog;
import org.quotelab.service.continual.ScheduledUpdate;
import org.quotelab.service.continual.WatchedFolder;
import org.quotelab.service.monitoring.MonitoringService;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the watched-folder schedule of one data folder: continuously on its own background thread
 * ({@link #start}, {@link #stop}; the app while it is open, {@code quotelab watch}) or one pass
 * ({@link #runOnce}; {@code quotelab watch --once} from cron or a systemd timer). Either way it
 * first takes the data folder's {@link ScheduleLock} and closes the steps a killed run left open.
 */
public final class Schedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);

    /** What the Schedule panel shows besides the history. */
    public record Status(boolean running, String folder, String policy, Instant nextPoll, Instant nextUpdateTime,
                         List<Long> waiting, String lastError) {
    }

    private final QuoteStore store;
    private final PredictionCache predictions;
    private final ScheduledUpdate.Runner updates;
    private final MonitoringService.EmbedderSource embedders;
    private final DriftCheck.Settings drift;
    private final String author;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ScheduleEvent>> steps = new CopyOnWriteArrayList<>();
    private final ScheduleLog log;

    private volatile ScheduledExecutorService executor;
    private CancellationToken cancel;
    private ScheduleLock lock;
    private volatile Run current;
    private volatile Instant nextPoll;
    private volatile String lastError;

    /** One running configuration: its folder, its update side and its lazily opened embedder. */
    private record Run(ScheduleSettings settings, WatchedFolder folder, ScheduledUpdate update, LazyEmbedder embedder) {
    }

    /**
     * @param updates   runs an update on the calling thread (the same job as a manual update)
     * @param embedders the sentence encoder of the drift check, opened when a pass first needs it
     */
    public Schedule(QuoteStore store, PredictionCache predictions, ScheduledUpdate.Runner updates,
                    MonitoringService.EmbedderSource embedders, DriftCheck.Settings drift, String author, Clock clock) {
        this.store = store;
        this.predictions = predictions;
        this.updates = updates;
        this.embedders = embedders;
        this.drift = drift;
        this.author = author;
        this.clock = clock;
        this.log = new ScheduleLog(store.schedule(), e -> steps.forEach(l -> l.accept(e)));
    }

    /** The stored settings (or the defaults). Reads the store. */
    public ScheduleSettings settings() {
        return ScheduleSettings.load(store.settings());
    }

    /** Stores the settings; a running schedule restarts with them, a stopped one starts if they enable it. */
    public synchronized void save(ScheduleSettings s) {
        s.save(store.settings());
        if (running()) {
            stop();
        }
        if (s.enabled()) {
            start(s);
        }
    }

    /** Starts the stored schedule when it is enabled and has a folder: the app's start. */
    public synchronized void resume() {
        ScheduleSettings s = settings();
        if (s.enabled() && s.folder() != null) {
            try {
                start(s);
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                LOG.warn("the schedule did not start: {}", e.getMessage());
            }
        }
    }

    /** The newest events, newest first. Reads the store. */
    public List<ScheduleEvent> history(int limit) {
        return store.schedule().latest(limit);
    }

    /** Called on the schedule's thread after each pass that recorded events. */
    public void addListener(Runnable onEvents) {
        listeners.add(onEvents);
    }

    /** Called on the schedule's thread as each step starts and ends: to print them live. */
    public void addStepListener(Consumer<ScheduleEvent> onStep) {
        steps.add(onStep);
    }

    public boolean running() {
        return executor != null;
    }

    /**
     * Polls the folder every {@code pollSeconds} on a background thread until {@link #stop()}.
     * Throws {@link ScheduleBusyException} when another scheduler runs on this data folder.
     */
    public synchronized void start(ScheduleSettings s) {
        if (running()) {
            throw new ScheduleBusyException("this app (" + author + ")");
        }
        Path folder = s.folderPath().orElseThrow(() -> new IllegalArgumentException("choose a folder to watch first"));
        if (!folder.toFile().isDirectory()) {
            throw new IllegalArgumentException("the folder to watch does not exist: " + folder);
        }
        lock = ScheduleLock.acquire(store, holder());
        closeInterrupted();
        cancel = new CancellationToken();
        current = run(s);
        lastError = null;
        CancellationToken token = cancel;
        Run r = current;
        boolean[] first = {true};
        executor = Executors.newSingleThreadScheduledExecutor(t -> {
            Thread th = new Thread(t, "quotelab-schedule");
            th.setDaemon(true);
            return th;
        });
        executor.scheduleWithFixedDelay(() -> {
            pass(r, 0, first[0] || s.at() != null, token);
            first[0] = false;
            nextPoll = clock.instant().plusSeconds(s.pollSeconds());
        }, 0, s.pollSeconds(), TimeUnit.SECONDS);
        LOG.info("schedule started on {} ({}), polling every {} s", folder, s.policy().describe(), s.pollSeconds());
    }

    /** How this scheduler describes itself to another instance that finds the store's schedule taken. */
    private String holder() {
        return org.quotelab.store.StoreLock.describe("schedule", author);
    }

    /** Stops the background thread, waiting for the step in progress to stop (an update is cancelled). */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        cancel.cancel();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("the schedule's step did not stop within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        nextPoll = null;
        current.embedder().close();
        lock.close();
        lock = null;
        LOG.info("schedule stopped");
    }

    /**
     * One pass over the folder with these settings, on the calling thread, waiting
     * {@code settleMillis} between two looks at each file: what {@code quotelab watch --once} does.
     */
    public List<ScheduleEvent> runOnce(ScheduleSettings s, long settleMillis, CancellationToken token)
            throws IOException, InterruptedException {
        s.folderPath().orElseThrow(() -> new IllegalArgumentException("choose a folder to watch first"));
        try (ScheduleLock once = ScheduleLock.acquire(store, holder())) {
            closeInterrupted();
            Run r = run(s);
            try {
                return r.folder().poll(settleMillis, true, token);
            } finally {
                r.embedder().close();
            }
        }
    }

    /** Running or not, where, with which policy, and what comes next. Reads the store. */
    public Status status() {
        ScheduleSettings s = current != null && running() ? current.settings() : settings();
        ScheduledUpdate u = current != null && running() ? current.update()
                : new ScheduledUpdate(store, s.policy(), updates, clock, log);
        return new Status(running(), s.folder(), s.policy().describe(), nextPoll, u.nextTime(), u.pending(), lastError);
    }

    private Run run(ScheduleSettings s) {
        LazyEmbedder embedder = new LazyEmbedder(embedders);
        ScheduledUpdate update = new ScheduledUpdate(store, s.policy(), updates, clock, log);
        WatchedFolder folder = new WatchedFolder(store, s.folderPath().orElseThrow(), predictions,
                new DriftCheck(embedder, drift), update, author, log);
        return new Run(s, folder, update, embedder);
    }

    private void closeInterrupted() {
        int n = store.schedule().closeInterrupted();
        if (n > 0) {
            LOG.warn("{} schedule step(s) of an earlier run were cut off; marked interrupted", n);
        }
    }

    private void pass(Run r, long settle, boolean decide, CancellationToken token) {
        try {
            List<ScheduleEvent> events = r.folder().poll(settle, decide, token);
            lastError = null;
            if (!events.isEmpty()) {
                listeners.forEach(Runnable::run);
            }
        } catch (JobCancelledException e) {
            LOG.info("schedule pass stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage();
            LOG.warn("schedule pass on {} failed: {}", r.folder().folder(), e.getMessage(), e);
        } finally {
            r.embedder().close(); // the encoder is only needed when batches arrive: free its memory
        }
    }

    @Override
    public void close() {
        stop();
    }
}

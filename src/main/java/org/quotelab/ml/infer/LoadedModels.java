package org.quotelab.ml.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.quotelab.ml.model.ComputeDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Models opened for scoring, one per key however many users hold it: scoring, evaluation,
 * monitoring and the update's evaluations of the same version share one loaded copy. Users take
 * a {@link Lease} and close it when done; a model nobody holds stays loaded while at most
 * {@code capacity} models are (a cascade pair and the drift encoder), and is closed, least
 * recently released first, when a load needs room, when its version is
 * {@linkplain #retire retired} or when {@link #closeIdle()} makes room for a training job. Held
 * models are never closed, so the count can exceed the capacity while they are in use.
 *
 * <p>There is no process-wide instance: the composition root (the app's workbench, the CLI's
 * store session) creates one, passes it to every user through their constructors and closes it
 * when it closes, which frees every model it still holds. Tests make their own.
 */
public final class LoadedModels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedModels.class);

    /** Tokens a shared version truncates quotes to, and quotes per forward pass. */
    public static final int MAX_LENGTH = 128;
    public static final int BATCH_SIZE = 64;
    /** Both stages of the active cascade and the drift encoder. */
    public static final int CAPACITY = 3;

    /** Loads the model of a key that is not loaded yet. */
    @FunctionalInterface
    public interface Opener<T extends AutoCloseable> {
        T open() throws IOException;
    }

    /** One user's hold on a loaded model; closing it (once or more) releases the hold. */
    public static final class Lease<T extends AutoCloseable> implements AutoCloseable {
        private final LoadedModels owner;
        private final Entry entry;
        private final T model;
        private boolean released;

        private Lease(LoadedModels owner, Entry entry, T model) {
            this.owner = owner;
            this.entry = entry;
            this.model = model;
        }

        public T model() {
            return model;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                owner.release(entry);
            }
        }
    }

    private static final class Entry {
        final Object key;
        final CompletableFuture<AutoCloseable> loaded = new CompletableFuture<>();
        int users; // guarded by the owner
        boolean retired; // guarded by the owner

        Entry(Object key) {
            this.key = key;
        }
    }

    private final int capacity;
    private final Map<Object, Entry> entries = new HashMap<>(); // guarded by this
    private final LinkedHashMap<Object, Entry> idle = new LinkedHashMap<>(); // guarded by this; eldest first
    private boolean closed; // guarded by this

    /** A holder that keeps {@link #CAPACITY} idle models: the active cascade and the drift encoder. */
    public LoadedModels() {
        this(CAPACITY);
    }

    /** @param capacity how many models stay loaded when nobody holds them */
    public LoadedModels(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The saved version in {@code folder}, opened with {@link #MAX_LENGTH} and {@link #BATCH_SIZE}. */
    public Lease<VersionScorer> version(Path folder) throws IOException {
        Path key = key(folder);
        return acquire(key, () -> VersionScorer.open(key, MAX_LENGTH, BATCH_SIZE, ComputeDevice.AUTO));
    }

    /**
     * The model of {@code key}, opened by {@code opener} unless it is loaded (or being loaded by
     * another thread, which this one then waits for). A failed load is not remembered.
     */
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> Lease<T> acquire(Object key, Opener<T> opener) throws IOException {
        Entry e;
        boolean load = false;
        List<AutoCloseable> closing = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the loaded models were closed");
            }
            e = entries.get(key);
            if (e == null) {
                e = new Entry(key);
                entries.put(key, e);
                load = true;
            }
            e.users++;
            idle.remove(key);
            trim(closing);
        }
        // the room is freed before the load, so the two never add up
        closeAll(closing);
        if (load) {
            try {
                T model = opener.open();
                LOG.debug("loaded {}", key);
                // reading the weights went through the Java heap and glibc's: hand that back now,
                // or the heap stays committed at the load's peak for the rest of the session
                NativeMemory.trim();
                e.loaded.complete(model);
            } catch (IOException | RuntimeException | Error failure) {
                synchronized (this) {
                    entries.remove(key, e);
                    e.users--;
                }
                e.loaded.completeExceptionally(failure);
                throw failure;
            }
        }
        try {
            return new Lease<>(this, e, (T) e.loaded.join());
        } catch (CompletionException failure) {
            synchronized (this) {
                e.users--;
            }
            Throwable cause = failure.getCause();
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw cause instanceof RuntimeException r ? r : new UncheckedIOException(new IOException(cause));
        }
    }

    /**
     * Models of these version folders are no longer wanted (replaced by an activation): idle ones
     * are closed now, held ones when their last user lets go. Asking for one again loads it again.
     */
    public void retire(Collection<Path> folders) {
        List<AutoCloseable> closing = new ArrayList<>();
        synchronized (this) {
            for (Path folder : folders) {
                Entry e = entries.get(key(folder));
                if (e == null) {
                    continue;
                }
                if (e.users == 0) {
                    idle.remove(e.key);
                    entries.remove(e.key);
                    closing.add(e.loaded.join());
                } else {
                    e.retired = true;
                }
            }
        }
        closeAll(closing);
    }

    /** Closes every model nobody holds, e.g. before a training job needs the memory. */
    public void closeIdle() {
        List<AutoCloseable> closing = new ArrayList<>();
        synchronized (this) {
            for (Entry e : idle.values()) {
                entries.remove(e.key);
                closing.add(e.loaded.join());
            }
            idle.clear();
        }
        closeAll(closing);
    }

    /** How many models are loaded, held or idle. */
    public synchronized int loaded() {
        return (int) entries.values().stream().filter(e -> e.loaded.isDone() && !e.loaded.isCompletedExceptionally())
                .count();
    }

    /** Whether the model of this version folder is loaded. */
    public synchronized boolean isLoaded(Path folder) {
        return entries.containsKey(key(folder));
    }

    private void release(Entry e) {
        List<AutoCloseable> closing = new ArrayList<>();
        synchronized (this) {
            e.users--;
            if (e.users > 0) {
                return;
            }
            if (e.retired || closed) {
                entries.remove(e.key, e);
                closing.add(e.loaded.join());
            } else {
                idle.put(e.key, e);
                trim(closing);
            }
        }
        closeAll(closing);
    }

    /** Takes idle models out, least recently released first, while more than the capacity are loaded. */
    private void trim(List<AutoCloseable> closing) {
        Iterator<Entry> eldest = idle.values().iterator();
        while (entries.size() > capacity && eldest.hasNext()) {
            Entry out = eldest.next();
            eldest.remove();
            entries.remove(out.key);
            closing.add(out.loaded.join());
        }
    }

    private static void closeAll(List<AutoCloseable> models) {
        for (AutoCloseable m : models) {
            try {
                m.close();
            } catch (Exception ex) {
                LOG.warn("closing a loaded model failed", ex);
            }
        }
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    /** Closes the idle models now and the held ones as they are released; no new lease after this. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        closeIdle();
    }
}

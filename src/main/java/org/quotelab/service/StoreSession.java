package org.quotelab.service;

import java.nio.file.Path;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.continual.ContinualUpdater;
import org.quotelab.service.imports.ImportService;
import org.quotelab.service.models.ModelAdmin;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreLocation;

/**
 * One open store and the use cases on it, for a caller that runs one task and exits: the CLI.
 * It is the CLI's only way to the store, so commands hold this and never a {@code QuoteStore}.
 * Unlike {@link Workbench} it starts no job runner: work runs on the calling thread.
 */
public final class StoreSession implements AutoCloseable {
    private final QuoteStore store;
    private final PredictionCache predictions;

    private StoreSession(QuoteStore store) {
        this.store = store;
        this.predictions = new PredictionCache(store);
    }

    /** Opens (and migrates) the database file; throws when another process holds it. */
    public static StoreSession open(Path databaseFile) {
        return open(databaseFile, null);
    }

    /**
     * As {@link #open(Path)}; with {@code modelsDir} known, also removes the temporary and
     * {@code .partial} model folders a killed process left, once this process holds the store.
     */
    public static StoreSession open(Path databaseFile, Path modelsDir) {
        return open(new StoreLocation.H2File(databaseFile), modelsDir);
    }

    /**
     * Opens the store of {@code home}, or the one {@code named} (an H2 file path or a PostgreSQL
     * address; null for the data folder's own). Model folders are swept only for the data
     * folder's own store.
     */
    public static StoreSession open(AppHome home, String named) {
        return named == null ? open(home.store(), home.models()) : open(home.store(named), null);
    }

    private static StoreSession open(StoreLocation location, Path modelsDir) {
        StoreSession session = new StoreSession(QuoteStore.open(location));
        // a shared store does not make this process the only one using modelsDir: leave it alone
        if (modelsDir != null && !session.shared()) {
            Recovery.sweepModels(modelsDir);
        }
        return session;
    }

    /** True when other processes may use the store at the same time (PostgreSQL). */
    public boolean shared() {
        return store.database().dialect().shared();
    }

    public ImportService imports() {
        return new ImportService(store, Workbench.osUser());
    }

    public ModelAdmin models() {
        return new ModelAdmin(store);
    }

    public CascadeVersions cascades() {
        return new CascadeVersions(store);
    }

    /** The stored predictions, scored on demand by the active cascade. */
    public PredictionCache scoring() {
        return predictions;
    }

    /** Continual updates writing their versions under {@code modelsDir}. */
    public ContinualUpdater updater(Path modelsDir) {
        return new ContinualUpdater(store, modelsDir, ComputeDevice.AUTO);
    }

    /**
     * Marks runs still recorded as running as interrupted and returns how many: an H2 store admits
     * one process, so such runs were cut off by a kill or a crash. On a shared store they may be
     * another instance's live runs, so nothing is marked.
     */
    public int markInterruptedRuns() {
        return shared() ? 0 : store.runs().markInterrupted();
    }

    @Override
    public void close() {
        predictions.close();
        store.close();
    }
}

package org.quotelab.service;

import org.quotelab.ml.infer.LoadedModels;
import java.nio.file.Path;
import org.quotelab.ml.model.ComputeDevice;
import java.time.Clock;
import org.quotelab.service.continual.BertEmbedder;
import org.quotelab.service.monitoring.MonitoringService;
import org.quotelab.service.schedule.Schedule;
import org.quotelab.service.schedule.TrainingUpdates;
import org.quotelab.service.training.TrainingService;
import org.quotelab.service.training.UpdateRequest;
import org.quotelab.ml.train.BertModels;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.cascade.SharedModels;
import org.quotelab.service.continual.ContinualUpdater;
import org.quotelab.service.imports.ImportService;
import org.quotelab.service.models.ModelAdmin;
import org.quotelab.domain.project.Project;
import org.quotelab.service.projects.ProjectService;
import org.quotelab.service.projects.SchemaService;
import org.quotelab.domain.quote.AnnotatorNames;
import org.quotelab.service.annotators.AnnotatorSettings;
import org.quotelab.service.annotators.BatchAssignments;
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
    /** Who label changes and assignments made in this session are recorded as. */
    private volatile String annotator = Workbench.osUser();
    /** One loaded copy of each model for every use case of the session, freed by {@link #close()}. */
    private final LoadedModels models = new LoadedModels();

    private StoreSession(QuoteStore store) {
        this.store = store;
        this.predictions = new PredictionCache(store, models);
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
        return open(new StoreLocation.H2File(databaseFile), modelsDir, null, cache(modelsDir));
    }

    /** As {@link #open(Path, Path)}, working in the project called {@code project} (null = the default one). */
    public static StoreSession open(Path databaseFile, Path modelsDir, String project) {
        return open(new StoreLocation.H2File(databaseFile), modelsDir, project, cache(modelsDir));
    }

    /**
     * Opens the store of {@code home}, or the one {@code named} (an H2 file path or a PostgreSQL
     * address; null for the data folder's own), working in the project called {@code project};
     * null = the default one (the app's current project, else the first). An unknown name is
     * refused with the names there are, and the store is closed again. Model folders are swept
     * only for the data folder's own store.
     */
    public static StoreSession open(AppHome home, String named, String project) {
        return open(home, named, project, null);
    }

    /**
     * As {@link #open(AppHome, String, String)}, recording changes as {@code annotator}; null = the
     * name saved on this machine (the app's choice), else the OS user.
     */
    public static StoreSession open(AppHome home, String named, String project, String annotator) {
        String who = annotator == null ? new AnnotatorSettings(home.root()).current() : AnnotatorNames.check(annotator);
        Path cache = SharedModels.cacheFor(home.models());
        StoreSession s = named == null ? open(home.store(), home.models(), project, cache)
                : open(home.store(named), null, project, cache);
        s.annotator = who;
        return s;
    }

    private static Path cache(Path modelsDir) {
        return modelsDir == null ? null : SharedModels.cacheFor(modelsDir);
    }

    /** {@code cache}: this machine's copies of model versions trained elsewhere on a shared store. */
    private static StoreSession open(StoreLocation location, Path modelsDir, String project, Path cache) {
        QuoteStore root = QuoteStore.open(location).withModelCache(cache);
        StoreSession session;
        try {
            long id = new ProjectService(root).resolve(project).id();
            session = new StoreSession(root.projectId() == id ? root : root.forProject(id));
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
        // a shared store does not make this process the only one using modelsDir: leave it alone
        if (modelsDir != null && !session.shared()) {
            Recovery.sweepModels(modelsDir);
        }
        return session;
    }

    /** The projects of the data folder. */
    public ProjectService projects() {
        return new ProjectService(store);
    }

    /** The project this session works in. */
    public Project project() {
        return projects().find(store.projectId());
    }

    /** This project's label schema. */
    public SchemaService schema() {
        return new SchemaService(store);
    }

    /** True when other processes may use the store at the same time (PostgreSQL). */
    public boolean shared() {
        return store.database().dialect().shared();
    }

    public ImportService imports() {
        return new ImportService(store, annotator);
    }

    /** Who changes in this session are recorded as. */
    public String annotator() {
        return annotator;
    }

    /** Which annotators this project's batches are assigned to. */
    public BatchAssignments assignments() {
        return new BatchAssignments(store, annotator);
    }

    /** Agreement between annotators in this project. */
    public org.quotelab.service.agreement.AgreementService agreement() {
        return new org.quotelab.service.agreement.AgreementService(store);
    }

    public ModelAdmin models() {
        return new ModelAdmin(store, models);
    }

    public CascadeVersions cascades() {
        return new CascadeVersions(store, models);
    }

    /** The stored predictions, scored on demand by the active cascade. */
    public PredictionCache scoring() {
        return predictions;
    }

    /** Continual updates writing their versions under {@code modelsDir}. */
    public ContinualUpdater updater(Path modelsDir) {
        return new ContinualUpdater(store, modelsDir, models, ComputeDevice.AUTO);
    }

    /**
     * The watched-folder schedule of this store, its updates written under {@code modelsDir} with
     * {@code update}'s strategy, settings and gate (the {@code quotelab update} defaults unless changed).
     */
    public Schedule schedule(Path modelsDir, UpdateRequest update) {
        return new Schedule(store, predictions, TrainingUpdates.through(new TrainingService(store, modelsDir, models), update),
                () -> BertEmbedder.shared(predictions.models()), MonitoringService.Settings.defaults().drift(),
                annotator, Clock.systemDefaultZone());
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
        models.close();
        store.close();
    }
}

package org.quotelab.service;

import org.quotelab.ml.infer.LoadedModels;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.AnnotatorNames;
import org.quotelab.service.annotators.AnnotatorSettings;
import org.quotelab.service.annotators.BatchAssignments;
import org.quotelab.ml.model.Devices;
import org.quotelab.service.cascade.ThresholdTuning;
import org.quotelab.service.evaluation.CascadeEvaluator;
import org.quotelab.service.imports.ImportService;
import org.quotelab.service.imports.SampleDays;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.service.models.Cascades;
import org.quotelab.service.models.ModelAdmin;
import org.quotelab.service.monitoring.MonitoringService;
import org.quotelab.service.continual.BertEmbedder;
import org.quotelab.service.review.ReviewService;
import org.quotelab.service.schedule.Schedule;
import org.quotelab.service.schedule.TrainingUpdates;
import org.quotelab.service.training.UpdateRequest;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.cascade.SharedModels;
import org.quotelab.service.training.TrainingService;
import org.quotelab.domain.project.Project;
import org.quotelab.service.projects.ProjectService;
import org.quotelab.service.projects.SchemaService;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreLockedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root below the UI: one open store, one job runner and the use-case services
 * built on them. The UI and the tests create exactly one per data folder and close it on exit;
 * nothing here is a singleton, so tests can run several against temporary folders.
 */
public final class Workbench implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);
    /** Big enough that an import, a scoring job and page reads never wait for each other. */
    public static final int JOB_THREADS = 3;

    /** The active model versions of both stages, either possibly absent. */
    public record ActiveModels(Optional<ModelVersion> stage1, Optional<ModelVersion> stage2) {
    }

    private final JobRunner runner;
    /** The annotator every label change is recorded as; changed by {@link #setAnnotator}. */
    private volatile String author;
    /** Where the annotator's name is saved on this machine; null when the workbench was built without a data folder. */
    private volatile AnnotatorSettings annotatorSettings;
    private final Path modelsDir;
    private final ProjectService projects;
    /** One loaded copy of each model for every service of every project, freed by {@link #close()}. */
    private final LoadedModels models = new LoadedModels();
    // the services of the current project: all replaced together when the project changes
    private volatile QuoteStore store;
    private volatile ImportService imports;
    private volatile SampleDays sampleDays;
    private volatile ReviewService review;
    private volatile Preferences preferences;
    private volatile MonitoringService monitoring;
    private volatile TrainingService training;
    private volatile ThresholdTuning thresholds;
    private volatile CascadeEvaluator evaluator;
    private volatile Cascades cascades;
    private volatile ModelAdmin modelAdmin;
    private volatile SchemaService schema;
    private volatile PredictionCache predictions;
    private volatile Schedule schedule;
    private volatile BatchAssignments assignments;

    /**
     * {@code modelsDir}: where training writes model versions (the data folder's models/).
     * Takes ownership of the store and the runner: {@link #close()} closes the runner, then the store.
     */
    public Workbench(QuoteStore store, Path modelsDir, JobRunner runner, String author) {
        this.runner = runner;
        this.author = author;
        this.modelsDir = modelsDir;
        this.projects = new ProjectService(store);
        build(store);
    }

    /** Builds the use-case services on one project's view of the store. */
    private void build(QuoteStore store) {
        this.store = store;
        this.predictions = new PredictionCache(store, models);
        this.imports = new ImportService(store, author);
        this.sampleDays = new SampleDays(imports);
        this.review = new ReviewService(store, author, predictions);
        this.preferences = new Preferences(store.settings());
        this.monitoring = new MonitoringService(store, predictions, () -> BertEmbedder.shared(predictions.models()),
                MonitoringService.Settings.defaults());
        this.training = new TrainingService(store, modelsDir, models);
        this.thresholds = new ThresholdTuning(store, predictions);
        this.evaluator = new CascadeEvaluator(store, predictions);
        this.cascades = new Cascades(store);
        this.modelAdmin = new ModelAdmin(store, models);
        // the schedule's updates are the Training view's update job: same gate, one training at a time
        this.schedule = new Schedule(store, predictions, TrainingUpdates.through(training, UpdateRequest.defaults()),
                () -> BertEmbedder.shared(predictions.models()), MonitoringService.Settings.defaults().drift(), author,
                Clock.systemDefaultZone());
        this.schema = new SchemaService(store);
        this.assignments = new BatchAssignments(store, author);
    }

    /** The projects of the data folder and the current one. */
    public ProjectService projects() {
        return projects;
    }

    /** The current project's label schema. */
    public SchemaService schema() {
        return schema;
    }

    /** The project the services work on now. */
    public Project currentProject() {
        return projects.find(store.projectId());
    }

    /**
     * Makes {@code projectId} the current project: every service is built anew on its data, the
     * loaded cascade of the previous project is released, and the choice is remembered for the
     * next start. Callers must have no job of the previous project running (the window checks);
     * reads the store, so call it from a job.
     */
    public synchronized Project switchProject(long projectId) {
        QuoteStore next = store.forProject(projectId);
        PredictionCache old = predictions;
        Schedule oldSchedule = schedule;
        oldSchedule.close(); // its step in progress uses the previous project's store and scorer
        build(next);
        old.close();
        schedule.resume();
        projects.remember(projectId);
        Project p = projects.find(projectId);
        LOG.info("switched to project '{}'", p.name());
        return p;
    }

    /**
     * Makes {@code name} the annotator this workbench records label changes as, saves it for the
     * next start on this machine, and builds the services anew on the same project (the window
     * then rebuilds its views, as after a project switch). Writes a file: call it from a job.
     */
    public synchronized String setAnnotator(String name) {
        String checked = AnnotatorNames.check(name);
        if (annotatorSettings != null) {
            annotatorSettings.save(checked);
        }
        if (!checked.equals(author)) {
            author = checked;
            PredictionCache old = predictions;
            schedule.close(); // its step in progress records the previous name
            build(store);
            old.close();
            schedule.resume();
        }
        return checked;
    }

    /** Whether this machine's user has chosen an annotator name yet (else the OS user stands in); reads a file. */
    public boolean annotatorChosen() {
        return annotatorSettings == null || annotatorSettings.saved().isPresent();
    }

    /** Which annotators the batches of the current project are assigned to. */
    public BatchAssignments assignments() {
        return assignments;
    }

    /**
     * Deletes project {@code projectId} with its data and model folders; the current project is
     * refused (switch first). Callers must have no job running (the window checks); call it from a job.
     */
    public org.quotelab.domain.project.ProjectContents deleteProject(long projectId) {
        return projects.delete(projectId, store.projectId(), modelsDir);
    }

    /** Opens the store of {@code home}; throws {@link StoreInUseException} when another process has it. */
    public static Workbench open(AppHome home, JobRunner runner) {
        QuoteStore store;
        try {
            // a version trained on another machine of a team is copied from the store beside models/
            store = QuoteStore.open(home.store()).withModelCache(SharedModels.cacheFor(home.models()));
        } catch (StoreLockedException e) {
            throw new StoreInUseException(home.root(), e);
        }
        // an H2 store admits one process, so runs still marked running were cut off by a kill or a
        // crash, and temporary model folders are leftovers; a shared store may be in use elsewhere
        if (!store.database().dialect().shared()) {
            int interrupted = store.runs().markInterrupted();
            if (interrupted > 0) {
                LOG.warn("{} training run(s) from an earlier session were cut off; marked interrupted", interrupted);
            }
            Recovery.sweepModels(home.models());
        }
        AnnotatorSettings annotator = new AnnotatorSettings(home.root());
        Workbench wb = new Workbench(store, home.models(), runner, annotator.current());
        wb.annotatorSettings = annotator;
        wb.schedule.resume(); // the watched folder, if one is set and enabled, runs while the app is open
        return wb;
    }

    /** The person logged in to the machine: who label edits are recorded as until an annotator name is chosen. */
    public static String osUser() {
        return AnnotatorSettings.osUser();
    }

    /**
     * The raw store, for the CLI, the tests and the composition itself. The UI must not call it
     * (ArchitectureTest): it reaches the data through the services below.
     */
    public QuoteStore store() {
        return store;
    }

    public JobRunner jobs() {
        return runner;
    }

    /** The annotator label changes are recorded as. */
    public String author() {
        return author;
    }

    public ImportService imports() {
        return imports;
    }

    public SampleDays sampleDays() {
        return sampleDays;
    }

    public ReviewService review() {
        return review;
    }

    public Preferences preferences() {
        return preferences;
    }

    /** Agreement between annotators in the current project. */
    public org.quotelab.service.agreement.AgreementService agreement() {
        return new org.quotelab.service.agreement.AgreementService(store);
    }

    public MonitoringService monitoring() {
        return monitoring;
    }

    public TrainingService training() {
        return training;
    }

    /** The stored predictions, scored on demand with the workbench's loaded models. */
    public PredictionCache predictions() {
        return predictions;
    }

    /** The Threshold view's sweeps and the storing of an operating point. */
    public ThresholdTuning thresholds() {
        return thresholds;
    }

    /** Evaluates any stored cascade on chosen batches (Evaluation view). */
    public CascadeEvaluator evaluator() {
        return evaluator;
    }

    /** The stored cascades: pairs of a stage-1 and a stage-2 version. */
    public Cascades cascades() {
        return cascades;
    }

    /** Promote, roll back and export model versions (Models view). */
    public ModelAdmin modelAdmin() {
        return modelAdmin;
    }

    /** The watched-folder schedule of this data folder; stopped by {@link #close()}. */
    public Schedule schedule() {
        return schedule;
    }

    /** Where models run, e.g. "CPU (PyTorch 2.7.1, 2 intra-op / 2 inter-op threads)"; loads the engine, so call it from a job. */
    public String computeDevice() {
        return Devices.describeAutomatic() + " (" + Devices.describeEngine() + ")";
    }

    /**
     * {@link #computeDevice()} once the first scoring, training or evaluation has loaded the engine;
     * never loads it. Opening the workbench must not pay PyTorch's 430 MB unpack and load
     * (docs/packaging.md). Completes on the thread that loaded the engine.
     */
    public CompletionStage<String> computeDeviceWhenLoaded() {
        return Devices.whenEngineLoaded().thenApply(v -> computeDevice());
    }

    /** Whether a job has loaded the engine yet; never loads it. */
    public boolean engineLoaded() {
        return Devices.engineLoaded();
    }

    /**
     * True when nothing was imported yet: the first start of a new data folder (one project, no
     * batches). A new, empty project in a folder with others is not a first start. Reads the store.
     */
    public boolean isEmpty() {
        return store.batches().count() == 0 && projects.list().size() == 1;
    }

    /** Reads the store; call it from a job. */
    public ActiveModels activeModels() {
        return new ActiveModels(store.models().active(1), store.models().active(2));
    }

    @Override
    public void close() {
        schedule.close(); // first: its step in progress uses the store and the scorer
        runner.close();
        predictions.close();
        models.close(); // after the runner: no job holds a model any more
        store.close();
        LOG.info("workbench closed");
    }
}

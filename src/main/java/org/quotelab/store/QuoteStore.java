package org.quotelab.store;

import java.nio.file.Path;

/**
 * The open store with its repositories: what the services, the UI and the CLI hold. Open one per
 * process (H2 locks the file; a PostgreSQL store is shared by several) and close it on exit.
 *
 * <p>A store is a view of one project: batches, quotes, labels, the label schema, models, runs,
 * replay memory and settings are read and written in that project only. {@link #forProject}
 * gives a view of another project over the same database; the project is never implicit state
 * shared between views. Projects and store-wide settings ({@link #projects()},
 * {@link #globalSettings()}) are the same in every view.
 */
public final class QuoteStore implements AutoCloseable {
    /** Store-wide setting: the project the app showed last, which a caller without a choice opens. */
    public static final String CURRENT_PROJECT = "app.current-project";

    private final Database db;
    private final long projectId;
    private final ProjectRepository projects;
    private final SchemaRepository schema;
    private final SettingsRepository globalSettings;
    private final BatchRepository batches;
    private final QuoteRepository quotes;
    private final LabelRepository labels;
    private final PredictionRepository predictions;
    private final ModelVersionRepository models;
    private final TrainingRunRepository runs;
    private final MetricsRepository metrics;
    private final DriftRepository drift;
    private final ReplayMemoryRepository replay;
    private final SettingsRepository settings;
    private final VersionQuoteRepository versionQuotes;
    private final BatchAssignmentRepository assignments;
    private final ScheduleRepository schedule;
    private final CsvImporter importer;
    private final CsvExporter exporter;
    private final ModelFileRepository modelFiles;
    private final Path modelCache;

    /** A view of the default project: the one the app showed last, else the first. */
    public QuoteStore(Database db) {
        this(db, defaultProject(db), null);
    }

    private QuoteStore(Database db, long projectId, Path modelCache) {
        this.db = db;
        this.projectId = projectId;
        this.modelCache = modelCache;
        this.modelFiles = new ModelFileRepository(db, projectId);
        this.projects = new ProjectRepository(db);
        this.schema = new SchemaRepository(db, projectId);
        this.globalSettings = new SettingsRepository(db, null);
        this.batches = new BatchRepository(db, projectId);
        this.quotes = new QuoteRepository(db, projectId);
        this.labels = new LabelRepository(db, projectId);
        this.predictions = new PredictionRepository(db);
        this.models = new ModelVersionRepository(db, projectId);
        this.runs = new TrainingRunRepository(db, projectId);
        this.metrics = new MetricsRepository(db);
        this.drift = new DriftRepository(db, projectId);
        this.replay = new ReplayMemoryRepository(db, projectId);
        this.settings = new SettingsRepository(db, projectId);
        this.importer = new CsvImporter(db, projectId);
        this.exporter = new CsvExporter(db, projectId);
        this.versionQuotes = new VersionQuoteRepository(db);
        this.assignments = new BatchAssignmentRepository(db, projectId);
        this.schedule = new ScheduleRepository(db);
    }

    private static long defaultProject(Database db) {
        ProjectRepository projects = new ProjectRepository(db);
        return new SettingsRepository(db, null).get(CURRENT_PROJECT).map(Long::parseLong)
                .flatMap(projects::find).orElseGet(projects::first).id();
    }

    /**
     * A view of project {@code id} over the same database. Closing either view closes the
     * database: the owner of the first view closes it once.
     */
    public QuoteStore forProject(long id) {
        projects.find(id).orElseThrow(() -> new IllegalArgumentException("no project " + id));
        return new QuoteStore(db, id, modelCache);
    }

    /**
     * The same view, with {@code folder} as this machine's copy of model folders kept in the store
     * (trained on another machine of the team); null for none.
     */
    public QuoteStore withModelCache(Path folder) {
        return new QuoteStore(db, projectId, folder);
    }

    /** Where this machine keeps copies of model folders trained elsewhere, if it was given one. */
    public java.util.Optional<Path> modelCache() {
        return java.util.Optional.ofNullable(modelCache);
    }

    /** Model folders kept in the store for every member of a team. */
    public ModelFileRepository modelFiles() {
        return modelFiles;
    }

    /** The project this view reads and writes. */
    public long projectId() {
        return projectId;
    }

    /** Every project of the data folder. */
    public ProjectRepository projects() {
        return projects;
    }

    /** This project's label schema. */
    public SchemaRepository schema() {
        return schema;
    }

    /** Settings of the data folder as a whole, such as the current project. */
    public SettingsRepository globalSettings() {
        return globalSettings;
    }

    /** Opens the database file (e.g. {@code AppHome.database()}), migrating it if needed. */
    public static QuoteStore open(Path databaseFile) {
        return new QuoteStore(Database.open(databaseFile));
    }

    /** Opens the store at {@code location}: an H2 file or a PostgreSQL database. */
    public static QuoteStore open(StoreLocation location) {
        return new QuoteStore(Database.open(location));
    }

    public Database database() {
        return db;
    }

    public BatchRepository batches() {
        return batches;
    }

    public QuoteRepository quotes() {
        return quotes;
    }

    public LabelRepository labels() {
        return labels;
    }

    /** Each annotator's latest label per quote, for agreement between annotators. */
    public AnnotatorLabels annotatorLabels() {
        return new AnnotatorLabels(db, projectId);
    }

    public PredictionRepository predictions() {
        return predictions;
    }

    public ModelVersionRepository models() {
        return models;
    }

    public TrainingRunRepository runs() {
        return runs;
    }

    public MetricsRepository metrics() {
        return metrics;
    }

    public DriftRepository drift() {
        return drift;
    }

    public ReplayMemoryRepository replay() {
        return replay;
    }

    /** This project's settings: operating point, replay counters, Review filters. */
    public SettingsRepository settings() {
        return settings;
    }

    /** The quotes each model version trained and was calibrated on. */
    public VersionQuoteRepository versionQuotes() {
        return versionQuotes;
    }

    /** Which annotators this project's batches are assigned to. */
    public BatchAssignmentRepository assignments() {
        return assignments;
    }

    /** The watched-folder schedule's log. */
    public ScheduleRepository schedule() {
        return schedule;
    }

    /**
     * Runs several repository writes as one transaction: all are stored or none. Reads inside see
     * only what was committed before, so read first, then write.
     */
    public <T> T inOneTransaction(java.util.function.Supplier<T> work) {
        return db.write(c -> work.get());
    }

    public CsvImporter importer() {
        return importer;
    }

    public CsvExporter exporter() {
        return exporter;
    }

    @Override
    public void close() {
        db.close();
    }
}

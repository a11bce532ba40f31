package org.quotelab.store;

import java.nio.file.Path;

/**
 * The open store with its repositories: what the services, the UI and the CLI hold. Open one per
 * process (H2 locks the file; a PostgreSQL store is shared by several) and close it on exit.
 */
public final class QuoteStore implements AutoCloseable {
    private final Database db;
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
    private final CsvImporter importer;
    private final CsvExporter exporter;

    public QuoteStore(Database db) {
        this.db = db;
        this.batches = new BatchRepository(db);
        this.quotes = new QuoteRepository(db);
        this.labels = new LabelRepository(db);
        this.predictions = new PredictionRepository(db);
        this.models = new ModelVersionRepository(db);
        this.runs = new TrainingRunRepository(db);
        this.metrics = new MetricsRepository(db);
        this.drift = new DriftRepository(db);
        this.replay = new ReplayMemoryRepository(db);
        this.settings = new SettingsRepository(db);
        this.importer = new CsvImporter(db);
        this.exporter = new CsvExporter(db);
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

    public SettingsRepository settings() {
        return settings;
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

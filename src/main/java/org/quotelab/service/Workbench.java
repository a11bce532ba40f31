package org.quotelab.service;

import java.nio.file.Path;
import java.util.Optional;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.ml.model.Devices;
import org.quotelab.service.imports.ImportService;
import org.quotelab.service.imports.SampleDays;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.service.monitoring.MonitoringService;
import org.quotelab.service.continual.BertEmbedder;
import org.quotelab.service.review.ReviewService;
import org.quotelab.service.cascade.CascadeRowScorer;
import org.quotelab.service.review.RowScorer;
import org.quotelab.service.training.TrainingService;
import org.quotelab.store.QuoteStore;
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

    private final QuoteStore store;
    private final JobRunner runner;
    private final String author;
    private final ImportService imports;
    private final SampleDays sampleDays;
    private final ReviewService review;
    private final Preferences preferences;
    private final MonitoringService monitoring;
    private final TrainingService training;

    /** Takes ownership of both: {@link #close()} closes the runner, then the store. */
    private final RowScorer scorer;

    /** {@code modelsDir}: where training writes model versions (the data folder's models/). */
    public Workbench(QuoteStore store, Path modelsDir, JobRunner runner, String author, RowScorer scorer) {
        this.store = store;
        this.runner = runner;
        this.author = author;
        this.scorer = scorer;
        this.imports = new ImportService(store, author);
        this.sampleDays = new SampleDays(imports);
        this.review = new ReviewService(store, author, scorer);
        this.preferences = new Preferences(store.settings());
        this.monitoring = new MonitoringService(store, scorer, BertEmbedder::bundled,
                MonitoringService.Settings.defaults());
        this.training = new TrainingService(store, modelsDir);
    }

    /** Opens the store of {@code home}; throws StoreLockedException when another process has it. */
    public static Workbench open(AppHome home, JobRunner runner) {
        QuoteStore store = QuoteStore.open(home.database());
        // the store admits one process, so runs still marked running were cut off by a kill or a crash
        int interrupted = store.runs().markInterrupted();
        if (interrupted > 0) {
            LOG.warn("{} training run(s) from an earlier session were cut off; marked interrupted", interrupted);
        }
        return new Workbench(store, home.models(), runner, osUser(), new CascadeRowScorer(store));
    }

    /** Who label edits are recorded as: the person logged in to the machine. */
    public static String osUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    public QuoteStore store() {
        return store;
    }

    public JobRunner jobs() {
        return runner;
    }

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

    public MonitoringService monitoring() {
        return monitoring;
    }

    public TrainingService training() {
        return training;
    }

    /** Scores quotes with the active models (or never, for {@link RowScorer#NONE}). */
    public RowScorer scorer() {
        return scorer;
    }

    /** Where models run, e.g. "CPU (PyTorch 2.7.1, 2 intra-op / 2 inter-op threads)"; loads the engine, so call it from a job. */
    public String computeDevice() {
        return Devices.describe(Devices.pick()) + " (" + Devices.describeEngine() + ")";
    }

    /** True when nothing was imported yet: the first start of a new data folder. Reads the store. */
    public boolean isEmpty() {
        return store.batches().count() == 0;
    }

    /** Reads the store; call it from a job. */
    public ActiveModels activeModels() {
        return new ActiveModels(store.models().active(1), store.models().active(2));
    }

    @Override
    public void close() {
        runner.close();
        if (scorer instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing the scorer failed", e);
            }
        }
        store.close();
        LOG.info("workbench closed");
    }
}

package org.quotelab.service.continual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily schedule: new CSV files dropped into a folder are imported as batches, scored by the
 * active cascade, checked for drift against earlier batches, and, when the policy says so, an
 * update is launched. Imported files move to an "imported" subfolder, so each is handled once.
 * Polling (not WatchService) because it also works on network shares and in tests.
 */
public final class WatchedFolder {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFolder.class);
    private static final String PENDING = "continual.schedule.pending_batches";
    private static final int REFERENCE_POOL = 2000;

    /** What happened to one file. {@code drift} is null when no earlier batch exists; updateReason null when none launched. */
    public record Event(Path file, List<Long> batchIds, DriftReport drift, String updateReason) {
    }

    /** Starts an update on the given batches, e.g. by submitting a {@link ContinualUpdater} job. */
    @FunctionalInterface
    public interface UpdateLauncher {
        void launch(List<Long> batchIds, String reason);
    }

    private final QuoteStore store;
    private final Path folder;
    private final UpdatePolicy policy;
    private final DriftCheck drift;
    private final UpdateLauncher launcher;

    public WatchedFolder(QuoteStore store, Path folder, UpdatePolicy policy, DriftCheck drift, UpdateLauncher launcher) {
        this.store = store;
        this.folder = folder;
        this.policy = policy;
        this.drift = drift;
        this.launcher = launcher;
    }

    /** Polls the folder at a fixed delay on the given executor. */
    public ScheduledFuture<?> start(ScheduledExecutorService executor, Duration every) {
        return executor.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (IOException | RuntimeException e) {
                LOG.warn("watched folder {}: {}", folder, e.getMessage(), e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Handles every new CSV file once, in name order. */
    public synchronized List<Event> poll() throws IOException {
        List<Event> events = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return events;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            events.add(handle(file));
        }
        return events;
    }

    private Event handle(Path file) throws IOException {
        List<Batch> earlier = store.batches().list();
        ImportResult imported = store.importer().importFile(file, ImportOptions.defaults());
        Path done = folder.resolve("imported");
        Files.createDirectories(done);
        Files.move(file, done.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        List<Long> ids = imported.batches().stream().map(Batch::id).toList();
        DriftReport report = null;
        if (new CascadeVersions(store).active().isPresent()) {
            // the shared models stay loaded for the update and the next file
            PredictionCache predictions = new PredictionCache(store);
            for (Long id : ids) {
                predictions.scoreBatch(id, ProgressSink.NONE, new CancellationToken());
            }
            if (!earlier.isEmpty()) {
                report = check(file.getFileName().toString(), earlier, ids);
            }
        }
        List<Long> pending = new ArrayList<>(pending());
        pending.addAll(ids);
        long labels = 0;
        for (Long id : pending) {
            labels += store.quotes().count(QuoteFilter.all().withBatch(id).withLabelled(true));
        }
        String reason = new CascadeVersions(store).active().isPresent()
                ? policy.decide(pending.size(), labels, report != null && report.drifted()) : null;
        if (reason != null) {
            LOG.info("{}: launching an update on batches {} ({})", file.getFileName(), pending, reason);
            launcher.launch(List.copyOf(pending), reason);
            pending.clear();
        }
        store.settings().put(PENDING, pending.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return new Event(file, ids, report, reason);
    }

    private List<Long> pending() {
        String v = store.settings().get(PENDING).orElse("");
        return v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(Long::parseLong).toList();
    }

    private DriftReport check(String name, List<Batch> earlier, List<Long> ids) throws IOException {
        List<String> reference = texts(earlier.stream().map(Batch::id).toList());
        List<String> current = texts(ids);
        if (reference.size() < 2 || current.size() < 2) {
            return null;
        }
        Path stage1 = Path.of(new CascadeVersions(store).active().orElseThrow().stage1().path());
        try (LoadedModels.Lease<VersionScorer> lease = LoadedModels.shared().version(stage1)) {
            VersionScorer scorer = lease.model();
            DriftReport r = drift.check(name, reference, current, scorer::probabilities, 1.0, null, null,
                    scorer.labels().labels());
            LOG.info("{}: {}", name, r.drifted() ? String.join("; ", r.alerts()) : "no drift");
            return r;
        }
    }

    /** Up to a few thousand texts of the given batches, drawn uniformly (the drift check subsamples again). */
    private List<String> texts(List<Long> batchIds) {
        List<String> out = new ArrayList<>();
        for (Long id : batchIds) {
            long after = 0;
            while (true) {
                Page<Quote> page = store.quotes().page(id, after, 1000);
                page.items().forEach(q -> out.add(q.text()));
                if (!page.hasMore() || page.items().isEmpty()) {
                    break;
                }
                after = page.nextAfterId();
            }
        }
        if (out.size() > REFERENCE_POOL) {
            Collections.shuffle(out, new Random(7));
            return new ArrayList<>(out.subList(0, REFERENCE_POOL));
        }
        return out;
    }
}

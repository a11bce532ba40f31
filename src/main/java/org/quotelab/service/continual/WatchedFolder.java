package org.quotelab.service.continual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.continual.ScheduleEvent.Kind;
import org.quotelab.domain.continual.ScheduleEvent.Status;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.ImportListener;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.domain.quote.Batch;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.CsvImporter;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily schedule's file side: complete CSV files dropped into a folder are imported as batches
 * (each file whole or not at all, its event committed in the same transaction), scored by the
 * active cascade and checked for drift against the earlier batches; then {@link ScheduledUpdate}
 * applies the policy. Every step is a {@link ScheduleEvent} in the store. A refused file goes to
 * rejected/ with its message beside it; an imported one to done/, and only after its import
 * committed: a file found again with the same bytes (a kill between the two) is not imported twice.
 * Polling (not WatchService) because it also works on network shares and in tests.
 */
public final class WatchedFolder {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFolder.class);

    private final QuoteStore store;
    private final FolderFiles files;
    private final PredictionCache predictions;
    private final NewBatchDrift drift;
    private final ScheduledUpdate updates;
    private final String author;
    private final ScheduleLog log;

    /**
     * @param drift   the drift check (its embedder is opened on first use)
     * @param updates applies the policy after the files are handled
     * @param author  who imported labels are recorded as
     * @param log     where the steps are recorded
     */
    public WatchedFolder(QuoteStore store, Path folder, PredictionCache predictions, DriftCheck drift,
                         ScheduledUpdate updates, String author, ScheduleLog log) {
        this.store = store;
        this.files = new FolderFiles(folder);
        this.predictions = predictions;
        this.drift = new NewBatchDrift(store, predictions.models(), drift, log);
        this.updates = updates;
        this.author = author;
        this.log = log;
    }

    public Path folder() {
        return files.folder();
    }

    /**
     * One pass: handles the complete new files in name order, scores and checks the batches an
     * earlier (killed) pass imported but did not get to, then lets the policy decide. Returns the
     * events this pass recorded, oldest first.
     *
     * @param settleMillis > 0 to look at the files twice within this pass (a single run), else
     *                     a file must look the same as at the previous pass
     * @param decide       whether to apply the policy even when no new batch arrived (the first
     *                     pass of a run, a timed policy)
     */
    public synchronized List<ScheduleEvent> poll(long settleMillis, boolean decide, CancellationToken cancel)
            throws IOException, InterruptedException {
        List<ScheduleEvent> events = new ArrayList<>();
        boolean imported = false;
        if (!Files.isDirectory(files.folder())) {
            throw new IOException("the watched folder " + files.folder() + " does not exist");
        }
        for (Path file : files.complete(settleMillis)) {
            cancel.throwIfCancelled();
            imported |= handle(file, events, cancel);
        }
        for (ScheduleEvent e : unscored()) {
            cancel.throwIfCancelled();
            process(e.batchIds(), e.fileName(), events, cancel);
        }
        if (imported || decide) {
            updates.decide(imported, events, cancel);
        }
        return events;
    }

    /** Imports one file; true when it became new batches. */
    private boolean handle(Path file, List<ScheduleEvent> events, CancellationToken cancel) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        String hash = CsvImporter.contentHash(file);
        List<Batch> earlier = store.batches().findByHash(hash);
        if (!earlier.isEmpty() || store.schedule().handled(name, size, hash).isPresent()) {
            // imported before: by hand, or by a run killed before it could move the file
            List<Long> ids = earlier.stream().map(Batch::id).toList();
            Path moved = files.moveToDone(file);
            events.add(log.record(ScheduleEvent.start(Kind.SKIP, name, size, hash, ids, ""),
                    Status.DONE, "already imported as batch " + ids + "; moved to " + relative(moved)));
            return false;
        }
        ScheduleEvent started = log.start(ScheduleEvent.start(Kind.IMPORT, name, size, hash, List.of(),
                "importing " + name));
        store.schedule().sync(); // a kill from here on leaves this step to be closed as interrupted
        ImportOptions options = new ImportOptions(null, false, Map.of(), author);
        ImportListener stop = new ImportListener() {
            @Override
            public boolean cancelled() {
                return cancel.isCancelled();
            }
        };
        try {
            ScheduleEvent done = store.inOneTransaction(() -> {
                ImportResult r = store.importer().importFile(file, options, stop);
                List<Long> ids = r.batches().stream().map(Batch::id).toList();
                return log.finish(started.withBatches(ids).finish(Status.DONE, String.format(
                        "imported %,d quotes (%,d labelled) as batch %s", r.rows(), r.labelled(), ids)));
            });
            events.add(done);
            store.schedule().sync(); // the file leaves the folder only once its import is on disk
            files.moveToDone(file);
            LOG.info("schedule: {} imported as batch {}", name, done.batchIds());
            return true;
        } catch (ImportException e) {
            if (cancel.isCancelled()) {
                log.finish(started.finish(Status.INTERRUPTED, "stopped during the import; nothing stored"));
                throw new JobCancelledException();
            }
            Path moved = files.reject(file, e.getMessage());
            log.finish(started.finish(Status.FAILED, "import refused, nothing stored: " + e.getMessage()));
            events.add(log.record(ScheduleEvent.start(Kind.REJECT, name, size, hash, List.of(), ""),
                    Status.DONE, e.getMessage() + "; moved to " + relative(moved)));
            LOG.info("schedule: {} rejected: {}", name, e.getMessage());
            return false;
        }
    }

    private String relative(Path moved) {
        return files.folder().relativize(moved).toString();
    }

    /** Batches of finished imports that no score step finished yet (a kill came in between). */
    private List<ScheduleEvent> unscored() {
        List<ScheduleEvent> all = store.schedule().since(0);
        Set<Long> scored = new LinkedHashSet<>();
        all.stream().filter(e -> e.kind() == Kind.SCORE && (e.status() == Status.DONE || e.status() == Status.SKIPPED))
                .forEach(e -> scored.addAll(e.batchIds()));
        List<ScheduleEvent> out = new ArrayList<>();
        for (ScheduleEvent e : all) {
            if (e.kind() == Kind.IMPORT && e.status() == Status.DONE && !scored.containsAll(e.batchIds())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Scores the new batches with the active cascade and checks them for drift; both recorded. */
    private void process(List<Long> ids, String file, List<ScheduleEvent> events, CancellationToken cancel)
            throws IOException {
        ScheduleEvent score = log.start(ScheduleEvent.start(Kind.SCORE, file, null, null, ids, "scoring"));
        if (predictions.active().isEmpty()) {
            events.add(log.finish(score.finish(Status.SKIPPED, "no active cascade: not scored")));
            events.add(log.record(ScheduleEvent.start(Kind.DRIFT, file, null, null, ids, ""),
                    Status.SKIPPED, "no active cascade: no drift check"));
            return;
        }
        try {
            long n = 0;
            for (Long id : ids) {
                n += predictions.scoreBatch(id, ProgressSink.NONE, cancel);
            }
            events.add(log.finish(score.finish(Status.DONE, String.format("scored %,d quotes", n))));
        } catch (JobCancelledException e) {
            log.finish(score.finish(Status.INTERRUPTED, "stopped while scoring"));
            throw e;
        } catch (IOException | RuntimeException e) {
            events.add(log.finish(score.finish(Status.FAILED, "scoring failed: " + e.getMessage())));
            return;
        }
        events.add(drift.check(ids, file));
    }
}

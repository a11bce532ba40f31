package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.ml.train.TrainingCancelledException;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreLock;

/**
 * The life of one run that writes a new cascade folder, shared by the full fine-tune and the
 * continual update: a RUNNING run row, a hidden ".partial" folder beside the models, the rename
 * into place ({@link #publish}), and the run's end. A cancelled or failed run removes its work
 * folder, and the published folder too while no version row points into it, and records why it
 * ended; the active cascade changes only through {@link CascadeActivation}, inside the body.
 * A killed process leaves a ".partial" folder that {@link ModelFolders#sweep} removes and a
 * RUNNING row that start-up marks interrupted.
 */
public final class CascadeRun {

    /** What a successful body returns: its result, the run's summary and the version the run row points at. */
    public record Done<T>(T value, String summary, Long versionId) {
    }

    /** The run's work: trains into {@link #partial()}, then {@link #publish()}es, registers and activates. */
    @FunctionalInterface
    public interface Body<T> {
        Done<T> run(CascadeRun run) throws IOException;
    }

    private final QuoteStore store;
    private final long id;
    private final Path partial;
    private final Path folder;
    private boolean published;
    private boolean registered;

    private CascadeRun(QuoteStore store, long id, Path partial, Path folder) {
        this.store = store;
        this.id = id;
        this.partial = partial;
        this.folder = folder;
    }

    /**
     * Runs {@code body} as a run of {@code kind} ("train", "update", "quick": the run's job id and
     * the folder's name start with it, or with {@code folderPrefix}), holding the project's training
     * lock: one training or update per project across every process on the store. Removes work
     * folders left by earlier runs first: only one training job runs at a time, so none of them is
     * in use.
     *
     * @throws TrainingBusyException when another training or update of the project runs
     */
    public static <T> T execute(QuoteStore store, Path modelsDir, String kind, String folderPrefix, String params,
            Body<T> body) throws IOException {
        long project = store.projectId();
        Optional<StoreLock> lock = store.database().tryTrainingLock(project, holder(kind));
        if (lock.isEmpty()) {
            String name = store.projects().find(project).map(p -> p.name()).orElse(String.valueOf(project));
            throw new TrainingBusyException(name, store.database().trainingLockHolder(project)
                    .orElse("it ended just now, start again"));
        }
        try (StoreLock held = lock.get()) {
            return locked(store, modelsDir, kind, folderPrefix, params, body);
        }
    }

    /** What a refused start shows: the kind of run, who started it and on which machine. */
    static String holder(String kind) {
        String what = switch (kind) {
            case "train" -> "fine-tune";
            case "quick" -> "quick start";
            default -> kind;
        };
        return StoreLock.describe(what, System.getProperty("user.name", "unknown"));
    }

    private static <T> T locked(QuoteStore store, Path modelsDir, String kind, String folderPrefix, String params,
            Body<T> body) throws IOException {
        Files.createDirectories(modelsDir);
        ModelFolders.sweep(modelsDir);
        long id = store.runs().start(kind + "-" + System.nanoTime(), params).id();
        String name = folderPrefix + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-r" + id;
        CascadeRun run = new CascadeRun(store, id, ModelFolders.partial(modelsDir, name), modelsDir.resolve(name));
        try {
            Done<T> done = body.run(run);
            store.runs().finish(id, RunStatus.DONE, done.summary(), done.versionId());
            return done.value();
        } catch (TrainingCancelledException | JobCancelledException e) {
            run.cleanUp();
            store.runs().finish(id, RunStatus.CANCELLED, "cancelled by the user", null);
            throw new JobCancelledException();
        } catch (IOException | RuntimeException | Error e) {
            run.cleanUp();
            store.runs().finish(id, RunStatus.FAILED, String.valueOf(e.getMessage()), null);
            throw e;
        }
    }

    public long id() {
        return id;
    }

    /** The hidden folder the run writes into (not created). */
    public Path partial() {
        return partial;
    }

    /**
     * Renames the complete work folder to its final name and returns that name; on a shared store
     * the folder is also kept in the database for the team ({@link SharedModels}), before any
     * version row can point into it.
     */
    public Path publish() throws IOException {
        ModelFolders.publish(partial, folder);
        published = true;
        SharedModels.keep(store, folder);
        return folder;
    }

    /** Version rows now point into the published folder: from here on a failure keeps it. */
    public void registered() {
        registered = true;
    }

    private void cleanUp() throws IOException {
        ModelFolders.deleteTree(partial);
        if (published && !registered) {
            ModelFolders.deleteTree(folder);
            SharedModels.forget(store, folder);
        }
    }
}

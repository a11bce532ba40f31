package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.store.ModelFileRepository;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model versions for the whole team (ADR 0027). On a shared store every cascade folder a run
 * publishes is also kept in the database; a machine that does not have a version's folder (its
 * path is on the machine that trained it) restores it from there into its own cache folder, named
 * after the folder and its digest, checked against the digest and published atomically, once.
 * On an H2 store the folders stay where training wrote them, as before.
 */
public final class SharedModels {
    private static final Logger LOG = LoggerFactory.getLogger(SharedModels.class);
    /** Restores in this process one at a time: two users of one missing version wait for one copy. */
    private static final Object RESTORING = new Object();

    private SharedModels() {
    }

    /** The cache folder beside a data folder's models folder (outside it: a run's sweep never touches it). */
    public static Path cacheFor(Path modelsDir) {
        return modelsDir.toAbsolutePath().normalize().resolveSibling("shared-models");
    }

    /** Keeps a published cascade folder in the store when the store is shared; returns whether it did. */
    static boolean keep(QuoteStore store, Path folder) throws IOException {
        if (!store.database().dialect().shared()) {
            return false;
        }
        ModelFileRepository.StoredFolder f = store.modelFiles().save(folder);
        LOG.info("kept model folder {} in the store ({} files, {} bytes)", f.name(), f.fileCount(), f.totalBytes());
        return true;
    }

    /**
     * Keeps in the shared store every cascade folder its versions name that exists on this machine
     * and is not kept yet (a store just moved to PostgreSQL); returns the folders kept and their bytes.
     */
    public static long[] keepRecorded(QuoteStore store) throws IOException {
        long[] kept = new long[2];
        if (!store.database().dialect().shared()) {
            return kept;
        }
        for (org.quotelab.domain.project.Project p : store.projects().list()) {
            QuoteStore view = store.forProject(p.id());
            java.util.Set<Path> folders = new java.util.TreeSet<>();
            for (int stage = 1; stage <= 2; stage++) {
                for (ModelVersion v : view.models().list(stage)) {
                    Path parent = Path.of(v.path()).getParent();
                    if (parent != null && Files.isDirectory(parent)) {
                        folders.add(parent);
                    }
                }
            }
            for (Path f : folders) {
                if (view.modelFiles().find(f.getFileName().toString()).isEmpty()) {
                    kept[0]++;
                    kept[1] += view.modelFiles().save(f).totalBytes();
                }
            }
        }
        return kept;
    }

    /** Drops a kept folder that no version refers to (its run failed after publishing). */
    static void forget(QuoteStore store, Path folder) {
        if (store.database().dialect().shared()) {
            store.modelFiles().delete(folder.getFileName().toString());
        }
    }

    /**
     * The folder on this machine with the files of {@code recorded} (a cascade folder as a version
     * row names it): the recorded folder when it is here, else this machine's copy of the one kept
     * in the store, restored first if needed. Without a copy in the store (or a cache folder) the
     * recorded path as it is: loading it then fails with the missing folder's name.
     */
    public static Path local(QuoteStore store, Path recorded) throws IOException {
        if (Files.isDirectory(recorded) || store.modelCache().isEmpty() || recorded.getFileName() == null) {
            return recorded;
        }
        String name = recorded.getFileName().toString();
        Optional<ModelFileRepository.StoredFolder> stored = store.modelFiles().find(name);
        if (stored.isEmpty()) {
            return recorded;
        }
        Path cache = store.modelCache().get();
        String local = name + "-" + stored.get().sha256().substring(0, 12);
        Path target = cache.resolve(local);
        synchronized (RESTORING) {
            if (Files.isDirectory(target)) {
                return target;
            }
            Files.createDirectories(cache);
            Path partial = ModelFolders.partial(cache, local);
            ModelFolders.deleteTree(partial);
            try {
                store.modelFiles().restore(name, partial);
                ModelFolders.publish(partial, target);
            } finally {
                ModelFolders.deleteTree(partial);
            }
            LOG.info("restored model folder {} from the store into {} ({} bytes)", name, target,
                    stored.get().totalBytes());
            return target;
        }
    }

    /** {@code v} with its path on this machine ({@link #local(QuoteStore, Path)} of its cascade folder). */
    public static ModelVersion local(QuoteStore store, ModelVersion v) throws IOException {
        Path path = Path.of(v.path());
        if (Files.isDirectory(path) || path.getParent() == null) {
            return v;
        }
        Path folder = local(store, path.getParent());
        return folder.equals(path.getParent()) ? v : new ModelVersion(v.id(), v.stage(), v.parentId(), v.status(),
                folder.resolve(path.getFileName().toString()).toString(), v.provenanceJson(), v.metricsJson(),
                v.createdAt(), v.statusReason());
    }
}

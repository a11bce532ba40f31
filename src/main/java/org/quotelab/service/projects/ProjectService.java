package org.quotelab.service.projects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.project.Project;
import org.quotelab.domain.project.ProjectContents;
import org.quotelab.ml.versions.ModelFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.quotelab.store.QuoteStore;

/**
 * The projects of one data folder. A data folder with one project works as before: that project
 * is the current one without anyone choosing it. Every method reads the store: call them from jobs.
 */
public final class ProjectService {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectService.class);
    private final QuoteStore store;

    public ProjectService(QuoteStore store) {
        this.store = store;
    }

    /** Every project, oldest first; never empty. */
    public List<Project> list() {
        return store.projects().list();
    }

    public Project find(long id) {
        return store.projects().find(id).orElseThrow(() -> new IllegalArgumentException("no project " + id));
    }

    public Optional<Project> findByName(String name) {
        return store.projects().findByName(name);
    }

    /**
     * The project called {@code name}, or with {@code name} null the default one (the one the app
     * showed last, else the first); an unknown name is refused with the names there are.
     */
    public Project resolve(String name) {
        if (name == null || name.isBlank()) {
            return find(new QuoteStore(store.database()).projectId());
        }
        return findByName(name).orElseThrow(() -> new IllegalArgumentException("no project named '" + name.trim()
                + "'; projects: " + String.join(", ", list().stream().map(Project::name).toList())));
    }

    /** A new, empty project (no batches, topics or models). */
    public Project create(String name) {
        return store.projects().create(name);
    }

    public Project rename(long id, String name) {
        return store.projects().rename(id, name);
    }

    /** What deleting {@code id} would remove: the counts its confirmation names. */
    public ProjectContents contents(long id) {
        return store.projects().contents(id);
    }

    /**
     * Deletes project {@code id} and all it holds, then the folders of its model versions that lie
     * in {@code modelsDir} (the data folder's models; a folder registered from elsewhere is left
     * alone, and so is one another project's version still uses). The project in use
     * ({@code current}) and the last project are refused. Returns what was removed.
     */
    public ProjectContents delete(long id, long current, Path modelsDir) {
        if (id == current) {
            throw new IllegalArgumentException("'" + find(id).name() + "' is the project in use: switch to another"
                    + " project before deleting it");
        }
        ProjectContents held = store.projects().delete(id);
        LOG.info("deleted project '{}': {}", held.project().name(), held.describe());
        if (modelsDir != null) {
            removeFolders(held, modelsDir);
        }
        return held;
    }

    /** Each version's run folder (the models folder's child holding it), unless another project uses it. */
    private void removeFolders(ProjectContents held, Path modelsDir) {
        Path models = real(modelsDir);
        List<Path> kept = new ArrayList<>();
        for (Project p : list()) {
            var view = store.forProject(p.id());
            for (int stage = 1; stage <= 2; stage++) {
                view.models().list(stage).forEach(v -> kept.add(real(Path.of(v.path()))));
            }
        }
        for (String path : held.versionPaths()) {
            Path version = real(Path.of(path));
            if (!version.startsWith(models) || version.equals(models)) {
                continue;
            }
            Path run = models.resolve(models.relativize(version).getName(0));
            if (Files.exists(run) && kept.stream().noneMatch(k -> k.startsWith(run))) {
                try {
                    ModelFolders.deleteTree(run);
                } catch (IOException e) {
                    // the rows are gone already; a folder left behind only takes space
                    LOG.warn("could not remove {} of deleted project '{}': {}", run, held.project().name(), e.toString());
                }
            }
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Remembers the project to open next time. */
    public void remember(long id) {
        store.globalSettings().put(QuoteStore.CURRENT_PROJECT, Long.toString(id));
    }
}

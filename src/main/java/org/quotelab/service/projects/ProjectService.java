package org.quotelab.service.projects;

import java.util.List;
import java.util.Optional;
import org.quotelab.domain.project.Project;
import org.quotelab.store.QuoteStore;

/**
 * The projects of one data folder. A data folder with one project works as before: that project
 * is the current one without anyone choosing it. Every method reads the store: call them from jobs.
 */
public final class ProjectService {
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

    /** Remembers the project to open next time. */
    public void remember(long id) {
        store.globalSettings().put(QuoteStore.CURRENT_PROJECT, Long.toString(id));
    }
}

package org.quotelab.ui.projects;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.project.Project;
import org.quotelab.domain.project.ProjectContents;
import org.quotelab.service.Workbench;
import org.quotelab.ui.common.UiJobs;

/**
 * The projects of the data folder and the current one. Switching runs as a job (the services are
 * rebuilt on the chosen project) and is refused while other jobs run, since they belong to the
 * project on screen; once switched, {@code onSwitched} rebuilds every view. The current project
 * can be renamed; another one deleted after a confirmation that names what goes with it (refused
 * while jobs run, for the project on screen and for the last one).
 */
public final class ProjectsViewModel {
    private final Workbench workbench;
    private final UiJobs jobs;
    private final java.util.function.IntSupplier runningJobs;
    private final Consumer<Project> onSwitched;
    private final ObservableList<Project> projects = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Project> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** {@code runningJobs}: how many jobs run now (a switch waits for none). */
    public ProjectsViewModel(Workbench workbench, UiJobs jobs, java.util.function.IntSupplier runningJobs,
            Consumer<Project> onSwitched) {
        this.workbench = workbench;
        this.jobs = jobs;
        this.runningJobs = runningJobs;
        this.onSwitched = onSwitched;
    }

    private record Listing(List<Project> projects, Project current) {
    }

    /** Reads the projects and the current one. */
    public void reload() {
        jobs.run("Reading projects", (p, c) -> new Listing(workbench.projects().list(), workbench.currentProject()),
                l -> {
                    projects.setAll(l.projects());
                    current.set(l.current());
                }, () -> { }, e -> message.set("Cannot read the projects: " + e.getMessage()));
    }

    /** Makes {@code p} the current project; nothing happens when it is already. */
    public void switchTo(Project p) {
        switchTo(p, 0);
    }

    /** {@code ownJobs}: jobs of this view-model still counted as running (the create that calls it). */
    private void switchTo(Project p, int ownJobs) {
        if (p == null || current.get() != null && current.get().id() == p.id()) {
            return;
        }
        if (runningJobs.getAsInt() > ownJobs) {
            message.set("Finish or cancel the running job(s) before switching projects.");
            current.set(current.get()); // the switcher shows the project still current
            return;
        }
        message.set("Opening project '" + p.name() + "'...");
        jobs.run("Switching to project " + p.name(), (pr, c) -> workbench.switchProject(p.id()), now -> {
            current.set(now);
            message.set("");
            onSwitched.accept(now);
        }, () -> { }, e -> message.set("Cannot open project '" + p.name() + "': " + e.getMessage()));
    }

    /** Creates an empty project and switches to it. */
    public void create(String name) {
        jobs.run("Creating project " + name, (p, c) -> workbench.projects().create(name), created -> {
            projects.add(created);
            switchTo(created, 1);
        }, () -> { }, e -> message.set(e.getMessage()));
    }

    /** Renames the current project; a name another project has is refused. */
    public void rename(String name) {
        Project p = current.get();
        if (p == null || name == null || name.isBlank() || name.trim().equals(p.name())) {
            return;
        }
        jobs.run("Renaming project " + p.name(), (pr, c) -> workbench.projects().rename(p.id(), name), renamed -> {
            int i = indexOf(renamed.id());
            if (i >= 0) {
                projects.set(i, renamed);
            }
            current.set(renamed);
            message.set("Renamed '" + p.name() + "' to '" + renamed.name() + "'.");
        }, () -> { }, e -> message.set(e.getMessage()));
    }

    /**
     * The first step of deleting {@code p}: refuses what cannot be deleted, else counts what it
     * holds in a job and hands that to {@code confirm} (the dialog asking the user), which calls
     * {@link #delete(ProjectContents)} if the user agrees.
     */
    public void askDelete(Project p, Consumer<ProjectContents> confirm) {
        if (p == null) {
            return;
        }
        String refusal = deleteRefusal(p);
        if (refusal != null) {
            message.set(refusal);
            return;
        }
        jobs.run("Counting project " + p.name(), (pr, c) -> workbench.projects().contents(p.id()), confirm,
                () -> { }, e -> message.set("Cannot read project '" + p.name() + "': " + e.getMessage()));
    }

    /** Deletes the project {@code held} describes, with everything it holds. */
    public void delete(ProjectContents held) {
        Project p = held.project();
        String refusal = deleteRefusal(p);
        if (refusal != null) {
            message.set(refusal);
            return;
        }
        message.set("Deleting project '" + p.name() + "'...");
        jobs.run("Deleting project " + p.name(), (pr, c) -> workbench.deleteProject(p.id()), gone -> {
            int i = indexOf(p.id());
            if (i >= 0) {
                projects.remove(i);
            }
            message.set("Deleted project '" + p.name() + "': " + gone.describe() + ".");
        }, () -> { }, e -> message.set("Cannot delete project '" + p.name() + "': " + e.getMessage()));
    }

    /** Why {@code p} cannot be deleted now, or null. */
    private String deleteRefusal(Project p) {
        if (projects.size() <= 1) {
            return "'" + p.name() + "' is the only project: a data folder keeps at least one.";
        }
        if (current.get() != null && current.get().id() == p.id()) {
            return "'" + p.name() + "' is the project in use: switch to another project before deleting it.";
        }
        if (runningJobs.getAsInt() > 0) {
            return "Finish or cancel the running job(s) before deleting a project.";
        }
        return null;
    }

    private int indexOf(long id) {
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    public ObservableList<Project> projects() {
        return projects;
    }

    public ReadOnlyObjectProperty<Project> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Why the last action did not happen, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

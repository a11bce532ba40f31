package org.quotelab.ui.projects;

import java.util.function.IntSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.quotelab.domain.quote.AnnotatorNames;
import org.quotelab.service.Workbench;
import org.quotelab.ui.common.UiJobs;

/**
 * The annotator at the keyboard: the name every label change is recorded as. Changing it saves
 * it for this machine and rebuilds the services, like a project switch, so it is refused while
 * jobs run; once changed, {@code onChanged} rebuilds every view.
 */
public final class AnnotatorViewModel {
    private final Workbench workbench;
    private final UiJobs jobs;
    private final IntSupplier runningJobs;
    private final Runnable onChanged;
    private final ReadOnlyStringWrapper name;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AnnotatorViewModel(Workbench workbench, UiJobs jobs, IntSupplier runningJobs, Runnable onChanged) {
        this.workbench = workbench;
        this.jobs = jobs;
        this.runningJobs = runningJobs;
        this.onChanged = onChanged;
        this.name = new ReadOnlyStringWrapper(workbench.author());
    }

    /** Records label changes as {@code newName} from now on, and on this machine's next starts. */
    public void change(String newName) {
        String checked;
        try {
            checked = AnnotatorNames.check(newName);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        if (checked.equals(name.get())) {
            return;
        }
        if (runningJobs.getAsInt() > 0) {
            message.set("Finish or cancel the running job(s) before changing the annotator.");
            return;
        }
        jobs.run("Changing the annotator", (p, c) -> workbench.setAnnotator(checked), now -> {
            name.set(now);
            message.set("");
            onChanged.run();
        }, () -> { }, e -> message.set("Cannot change the annotator: " + e.getMessage()));
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Why the last change did not happen, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

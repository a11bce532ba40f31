package org.quotelab.ui.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.project.TopicDef;
import org.quotelab.service.Workbench;
import org.quotelab.service.projects.SchemaService;
import org.quotelab.service.jobs.Job;
import org.quotelab.ui.common.UiJobs;

/**
 * The schema editor's state: the current project's topics in schema order. Every edit is a job
 * on {@link SchemaService}; a refused edit (a key in use, a name in use) leaves the schema as it
 * was and says why. {@code onChanged} runs after each stored edit, e.g. so Review redraws its legend.
 */
public final class SchemaViewModel {
    private final Workbench workbench;
    private final UiJobs jobs;
    private final Runnable onChanged;
    private final ObservableList<TopicDef> topics = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public SchemaViewModel(Workbench workbench, UiJobs jobs, Runnable onChanged) {
        this.workbench = workbench;
        this.jobs = jobs;
        this.onChanged = onChanged;
    }

    public void reload() {
        jobs.run("Reading the label schema", (p, c) -> workbench.schema().schema(), s -> topics.setAll(s.topics()),
                () -> { }, e -> message.set("Cannot read the label schema: " + e.getMessage()));
    }

    /**
     * Stores what changed of one topic: its key (blank = none), its name and its colour (#rrggbb),
     * in that order; a refused change stops there and the message says why.
     */
    public void apply(String key, String name, String hotkey, String colour) {
        TopicDef before = topics.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
        if (before == null) {
            return;
        }
        edit("Editing topic " + key, (p, c) -> {
            SchemaService s = workbench.schema();
            LabelSchema out = s.schema();
            String h = hotkey == null || hotkey.isBlank() ? null : hotkey.trim().toLowerCase(java.util.Locale.ROOT);
            if (!Objects.equals(h, before.hotkey())) {
                out = s.setHotkey(key, h); // checked first: the change most likely to be refused
            }
            if (!before.name().equals(name == null ? "" : name.trim())) {
                out = s.rename(key, name);
            }
            if (colour != null && !colour.equalsIgnoreCase(before.colour())) {
                out = s.recolour(key, colour);
            }
            return out;
        }, "Saved topic " + key + ".");
    }

    /** Moves a topic one place up (-1) or down (+1) in the schema; keys stay with their topics. */
    public void move(String key, int by) {
        List<String> order = new ArrayList<>(topics.stream().map(TopicDef::key).toList());
        int i = order.indexOf(key);
        int j = i + by;
        if (i < 0 || j < 0 || j >= order.size()) {
            return;
        }
        order.set(i, order.get(j));
        order.set(j, key);
        edit("Reordering topics", (p, c) -> workbench.schema().reorder(order), "");
    }

    /** Hands the keys out again in schema order: 1-9, then letters. */
    public void reassignKeys() {
        edit("Reassigning keys", (p, c) -> workbench.schema().reassignHotkeys(), "Keys follow the schema order again.");
    }

    private void edit(String title, Job<LabelSchema> job, String done) {
        jobs.run(title, job, s -> {
            topics.setAll(s.topics());
            message.set(done);
            onChanged.run();
        }, () -> { }, e -> message.set(e.getMessage()));
    }

    public ObservableList<TopicDef> topics() {
        return topics;
    }

    /** The outcome of the last edit: what was saved, or why it was refused. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

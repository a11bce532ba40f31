package org.quotelab.ui.data;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.quotelab.domain.quote.AnnotatorNames;
import org.quotelab.service.annotators.BatchAssignments;
import org.quotelab.ui.common.UiJobs;

/**
 * The Data view's batch assignments: who each batch is assigned to, read with the batch list,
 * and changed from the batch table. Names are checked before anything is written.
 */
public final class BatchAssignmentsModel {
    private final java.util.function.Supplier<BatchAssignments> service;
    private final UiJobs jobs;
    private final Consumer<String> message;
    private final ObservableMap<Long, List<String>> assignees = FXCollections.observableHashMap();
    private Runnable afterChange = () -> { };

    /** {@code message}: where a result or a refusal is told (the Data view's message line). */
    BatchAssignmentsModel(java.util.function.Supplier<BatchAssignments> service, UiJobs jobs, Consumer<String> message) {
        this.service = service;
        this.jobs = jobs;
        this.message = message;
    }

    /** Called after an assignment is stored, e.g. so Review marks the annotator's batches again. */
    public void setAfterChange(Runnable r) {
        this.afterChange = r;
    }

    public void refresh() {
        jobs.run("Reading batch assignments", (p, c) -> service.get().all(), all -> {
            assignees.clear();
            assignees.putAll(all);
        }, () -> { }, e -> message.accept("Cannot read the batch assignments: " + e.getMessage()));
    }

    /** Assigns the batch to the comma-separated {@code names} (blank = nobody), replacing its assignees. */
    public void assign(long batchId, String day, String names) {
        List<String> list;
        try {
            list = AnnotatorNames.parseList(names);
        } catch (IllegalArgumentException e) {
            message.accept("Not assigned: " + e.getMessage());
            return;
        }
        jobs.run("Assigning " + day, (p, c) -> service.get().assign(batchId, list), now -> {
            if (now.isEmpty()) {
                assignees.remove(batchId);
            } else {
                assignees.put(batchId, now);
            }
            message.accept(day + (now.isEmpty() ? " is assigned to nobody." : " is assigned to " + String.join(", ", now) + "."));
            afterChange.run();
        }, () -> { }, e -> message.accept("Cannot assign " + day + ": " + e.getMessage()));
    }

    /** Adds the annotator at the keyboard to the batch's assignees. */
    public void assignToMe(long batchId, String day) {
        List<String> now = new java.util.ArrayList<>(assignees.getOrDefault(batchId, List.of()));
        String me = annotator();
        if (!now.contains(me)) {
            now.add(me);
        }
        assign(batchId, day, String.join(",", now));
    }

    /** "ann, bob" for the table and the edit dialog; "" when nobody. */
    public String text(long batchId) {
        return String.join(", ", assignees.getOrDefault(batchId, List.of()));
    }

    public String annotator() {
        return service.get().annotator();
    }

    /** Assignees by batch id; batches without any are absent. */
    public ObservableMap<Long, List<String>> assignees() {
        return assignees;
    }
}

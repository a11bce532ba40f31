package org.quotelab.ui.review;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelWrite;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.jobs.Job;
import org.quotelab.service.review.ReviewService;
import org.quotelab.ui.common.JobStatus;
import org.quotelab.ui.common.UiJobs;

/**
 * Review's label edits: each updates its row at once and is written in the background, one after
 * another (undo must see them in order), against the label version the row was read with. When
 * someone else changed the label in between, the row shows their value and the conflict waits in
 * {@link #conflictProperty()} until the user keeps theirs or overwrites it with theirs' version.
 */
public final class ReviewEdits {
    /**
     * What the edits need from the view-model: change a loaded row in place, tell that a quote's
     * label was saved (detail pane, queue counts), move the selection to a quote's row, the schema.
     */
    record Rows(BiConsumer<Long, UnaryOperator<QuoteRow>> replacer, LongConsumer onSaved, LongConsumer focuser,
            Supplier<LabelSchema> schemaOf) {
        void replace(long quoteId, UnaryOperator<QuoteRow> change) {
            replacer.accept(quoteId, change);
        }

        void saved(long quoteId) {
            onSaved.accept(quoteId);
        }

        void focus(long quoteId) {
            focuser.accept(quoteId);
        }

        LabelSchema schema() {
            return schemaOf.get();
        }
    }

    /** A conflict and the source the user's label would have had. */
    public record Pending(LabelWrite.Conflict conflict, LabelSource source) {
    }

    private final ReviewService service;
    private final UiJobs jobs;
    private final JobStatus status;
    private final Rows rows;
    private final Queue<Runnable> edits = new ArrayDeque<>();
    private boolean editRunning;
    /** This session's latest saved change per quote: a second quick edit chains on its version. */
    private final Map<Long, LabelChange> lastSaved = new HashMap<>();
    private final Queue<Pending> waiting = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Pending> conflict = new ReadOnlyObjectWrapper<>();

    ReviewEdits(ReviewService service, UiJobs jobs, JobStatus status, Rows rows) {
        this.service = service;
        this.jobs = jobs;
        this.status = status;
        this.rows = rows;
    }

    /** Labels the row's quote, written against the version the row was read with. */
    void label(QuoteRow row, QuoteLabel label, LabelSource source) {
        write(row.quote().id(), label, source, row.labelVersion(), row.label());
    }

    private void write(long id, QuoteLabel label, LabelSource source, long seen, CurrentLabel before) {
        CurrentLabel optimistic = new CurrentLabel(id, label, source, Instant.now(), service.author());
        rows.replace(id, r -> r.withLabel(optimistic, r.labelVersion()));
        status.setMessage("");
        enqueue("Saving label", () -> {
            // an earlier edit of this session written against the same version moved it on
            LabelChange mine = lastSaved.get(id);
            long expected = mine != null && mine.baseVersion() != null && mine.baseVersion() == seen
                    ? mine.version() : seen;
            return (p, c) -> service.label(id, label, source, expected);
        }, w -> {
            if (w instanceof LabelWrite.Saved s) {
                LabelChange ch = s.change();
                lastSaved.put(id, ch);
                rows.replace(id, r -> r.label() == optimistic ? r.withLabel(ReviewService.labelAfter(ch), ch.version())
                        : r.labelVersion() < ch.version() ? r.withLabel(r.label(), ch.version()) : r);
                rows.saved(id);
            } else {
                showTheirs((LabelWrite.Conflict) w);
                waiting.add(new Pending((LabelWrite.Conflict) w, source));
                if (conflict.get() == null) {
                    conflict.set(waiting.poll());
                }
            }
        }, e -> {
            rows.replace(id, r -> r.label() == optimistic ? r.withLabel(before, r.labelVersion()) : r);
            status.setMessage("The label was not saved and has been reverted: " + e.getMessage());
        });
    }

    /** Ctrl+Z: reverts this session's latest edit unless someone changed that label since. */
    void undo() {
        enqueue("Undoing label", () -> (p, c) -> service.undo(), result -> {
            if (result.isEmpty()) {
                status.setMessage("Nothing to undo in this session.");
                return;
            }
            if (result.get() instanceof LabelWrite.Conflict k) {
                showTheirs(k);
                status.setMessage("Not undone: " + who(k) + " changed this label since; it is now "
                        + Labels.label(k.theirs(), rows.schema()) + ".");
                rows.focus(k.quoteId());
                return;
            }
            LabelChange ch = result.get().saved();
            lastSaved.put(ch.quoteId(), ch);
            rows.replace(ch.quoteId(), r -> r.withLabel(ReviewService.labelAfter(ch), ch.version()));
            status.setMessage("Undone: " + Labels.label(ch.oldLabel(), rows.schema()) + " \u2192 "
                    + Labels.label(ch.newLabel(), rows.schema()));
            rows.focus(ch.quoteId());
            rows.saved(ch.quoteId());
        }, e -> status.setMessage("Undo failed: " + e.getMessage()));
    }

    /** The conflict waiting for the user's choice, or null. */
    public ReadOnlyObjectProperty<Pending> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** Keeps the other person's label (the row already shows it). */
    public void keepTheirs() {
        Pending p = conflict.get();
        if (p != null) {
            status.setMessage("Kept " + who(p.conflict()) + "'s label: " + Labels.label(p.conflict().theirs(), rows.schema()));
            conflict.set(waiting.poll());
        }
    }

    /** Writes the user's label over theirs, against the version the conflict reported. */
    public void overwriteWithMine() {
        Pending p = conflict.get();
        if (p != null) {
            LabelWrite.Conflict k = p.conflict();
            conflict.set(waiting.poll());
            write(k.quoteId(), k.mine(), p.source(), k.version(), theirs(k));
        }
    }

    private void showTheirs(LabelWrite.Conflict k) {
        rows.replace(k.quoteId(), r -> r.labelVersion() <= k.version() ? r.withLabel(theirs(k), k.version()) : r);
    }

    private static CurrentLabel theirs(LabelWrite.Conflict k) {
        return k.theirs() == null ? null : new CurrentLabel(k.quoteId(), k.theirs(), k.theirSource(), k.theirAt(), k.theirBy());
    }

    static String who(LabelWrite.Conflict k) {
        return k.theirBy() == null ? "someone" : k.theirBy();
    }

    /**
     * Edits run strictly one after another: the undo stack must see them in the order they were
     * made. The job is made when its turn comes, so it sees the versions earlier edits produced.
     */
    private <T> void enqueue(String title, Supplier<Job<T>> job, Consumer<T> done,
            Consumer<Throwable> failed) {
        edits.add(() -> jobs.run(title, job.get(), v -> {
            done.accept(v);
            nextEdit();
        }, this::nextEdit, e -> {
            failed.accept(e);
            nextEdit();
        }));
        if (!editRunning) {
            nextEdit();
        }
    }

    private void nextEdit() {
        Runnable next = edits.poll();
        editRunning = next != null;
        if (next != null) {
            next.run();
        }
    }
}

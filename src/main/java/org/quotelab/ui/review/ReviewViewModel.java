package org.quotelab.ui.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelState;
import org.quotelab.domain.quote.LabelUpdates;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.domain.quote.TopicCount;
import org.quotelab.domain.project.Hotkeys;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.service.ReviewFilters;
import org.quotelab.service.Workbench;
import org.quotelab.service.review.QuoteDetail;
import org.quotelab.service.review.ReviewFocus;
import org.quotelab.service.review.ReviewContext;
import org.quotelab.service.review.LabelWatch;
import org.quotelab.service.review.ReviewService;
import org.quotelab.ui.common.JobStatus;
import org.quotelab.ui.common.UiJobs;

/**
 * State of the Review view. The table's rows are a growing window of keyset pages: a page is
 * read in the background when the view asks for more, so the table never holds more than the
 * user scrolled through. Edits ({@link ReviewEdits}) update the row at once and are written in the
 * background against the version the row was read with; others' changes arrive while Review is
 * shown ({@link LabelWatch}) and replace the loaded rows in place.
 */
public final class ReviewViewModel {
    public static final int PAGE_SIZE = 200;

    /** What opening Review reads: batches, topics and models, and the filters saved last time. */
    private record Opening(ReviewContext context, ReviewFilters filters) {
    }

    private final Workbench workbench;
    private final ReviewService service;
    private final UiJobs jobs;
    private final ObservableList<QuoteRow> rows = FXCollections.observableArrayList();
    private final Map<Long, Integer> indexById = new HashMap<>();
    private final ReadOnlyObjectWrapper<ReviewContext> context = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReviewFilters> filters = new ReadOnlyObjectWrapper<>(ReviewFilters.NONE);
    private final ReadOnlyObjectWrapper<ReviewFocus> focus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(-1);
    /** Quotes in each review queue under the batch and prediction filters; absent while counting or without a model. */
    private final ObservableMap<String, Long> queueCounts = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private long countGeneration;
    /**
     * Holds the message line. Review runs many short jobs side by side (pages, counts, edits), so
     * none of them makes the view busy; page reads have their own {@link #loadingProperty()}.
     */
    private final JobStatus status;
    private final DetailLoader details;
    private final ReadOnlyIntegerWrapper focusRequest = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReviewEdits edits;
    private final LabelWatch watch;
    private long generation;
    private long nextAfter;
    private boolean hasMore;
    /**
     * Set once the filters in memory are the user's: read from the store or set since. A later
     * reload keeps them, because their save runs in the background and may not have landed yet
     * (a link from another view sets a batch and opens Review at once).
     */
    private boolean filtersKnown;

    public ReviewViewModel(Workbench workbench, UiJobs jobs) {
        this.workbench = workbench;
        this.service = workbench.review();
        this.jobs = jobs;
        this.status = new JobStatus(jobs);
        this.details = new DetailLoader(jobs, service::detail, this::failed);
        this.edits = new ReviewEdits(service, jobs, status, new ReviewEdits.Rows(this::replace, id -> {
            details.refresh(id);
            recount();
        }, id -> {
            Integer at = indexById.get(id);
            if (at != null) {
                focusRequest.set(-1);
                focusRequest.set(at);
            }
        }, this::schema));
        this.watch = new LabelWatch(service::changedSince, LabelWatch.INTERVAL);
    }

    /** Reads batches, topics, active models and the saved filters, then the first page. */
    public void reload() {
        jobs.run("Opening Review", (p, c) -> new Opening(service.context(), workbench.preferences().reviewFilters()),
                r -> {
                    context.set(r.context());
                    if (!filtersKnown) {
                        filtersKnown = true;
                        filters.set(r.filters());
                    }
                    restart();
                }, () -> { }, this::failed);
    }

    public void setFilters(ReviewFilters f) {
        filtersKnown = true;
        if (f.equals(filters.get()) && focus.get() == null) {
            return;
        }
        focus.set(null);
        filters.set(f);
        jobs.run("Saving filters", (p, c) -> {
            workbench.preferences().setReviewFilters(f);
            return null;
        }, x -> { }, () -> { }, this::failed);
        restart();
    }

    /** Drops the loaded rows and starts again from the first page of the current filter. */
    private void restart() {
        if (context.get() == null) {
            return;
        }
        generation++;
        rows.clear();
        indexById.clear();
        nextAfter = 0;
        hasMore = true;
        loading.set(false);
        total.set(-1);
        QuoteFilter f = currentFilter();
        long gen = generation;
        jobs.run("Counting quotes", (p, c) -> service.count(f), n -> {
            if (gen == generation) {
                total.set(n);
            }
        }, () -> { }, this::failed);
        loadMore();
        recount();
    }

    /**
     * Counts each queue and the batch's progress ("n of N reviewed": quotes with a label) in one
     * background read; called when the filters change and after each saved edit.
     */
    private void recount() {
        ReviewContext ctx = context.get();
        if (ctx == null) {
            return;
        }
        long gen = ++countGeneration;
        ReviewFilters chosen = filters.get();
        jobs.run("Counting the queues", (p, c) -> ReviewQueues.count(service, ctx, chosen), r -> {
            if (gen != countGeneration) {
                return;
            }
            queueCounts.clear();
            queueCounts.putAll(r.queues());
            progress.set(r.progress());
        }, () -> { }, this::failed);
    }

    QuoteFilter currentFilter() {
        return focus.get() != null ? focus.get().filter() : ReviewService.filter(context.get(), filters.get());
    }

    /** Shows exactly the focus's quotes (e.g. a confusion cell) until a filter changes; null goes back to the filters. */
    public void focus(ReviewFocus f) {
        focus.set(f);
        restart();
    }

    public ReadOnlyObjectProperty<ReviewFocus> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    /** Asks for the next page unless one is on its way or the last one arrived. */
    public void loadMore() {
        if (loading.get() || !hasMore || context.get() == null) {
            return;
        }
        loading.set(true);
        long gen = generation;
        QuoteFilter f = currentFilter();
        long after = nextAfter;
        jobs.run("Reading quotes", (p, c) -> service.page(f, after, PAGE_SIZE), page -> appendPage(gen, page),
                () -> loading.set(false), e -> {
                    loading.set(false);
                    failed(e);
                });
    }

    private void appendPage(long gen, Page<QuoteRow> page) {
        if (gen != generation) {
            return; // a page of a filter the user has left
        }
        int start = rows.size();
        for (int i = 0; i < page.items().size(); i++) {
            indexById.put(page.items().get(i).quote().id(), start + i);
        }
        rows.addAll(page.items());
        nextAfter = page.nextAfterId();
        hasMore = page.hasMore();
        loading.set(false);
        scoreMissing(gen, page.items());
    }

    /** Rows without a cached prediction go to the scorer hook; without one they stay "not scored". */
    private void scoreMissing(long gen, List<QuoteRow> page) {
        if (context.get() == null || !context.get().hasModel() || !service.canScore()
                || page.stream().allMatch(r -> r.prediction() != null)) {
            return;
        }
        jobs.run("Scoring quotes", (p, c) -> service.scoreMissing(page, c), predictions -> {
            if (gen != generation) {
                return;
            }
            for (Prediction pr : predictions) {
                replace(pr.quoteId(), r -> r.withPrediction(pr));
            }
        }, () -> { }, this::failed);
    }

    /** A digit key: see {@link #labelWithKey(int, String)}. */
    public boolean labelWithDigit(int index, int digit) {
        return labelWithKey(index, String.valueOf(digit));
    }

    /**
     * A key as the legend shows it: 0 marks the quote out-of-topic; 1-9 and the letters label the
     * topic the project's schema gives that key. False (with a message) when the key means nothing.
     */
    public boolean labelWithKey(int index, String key) {
        if (Hotkeys.OUT_OF_TOPIC.equals(key)) {
            return label(index, QuoteLabel.outOfTopic(), LabelSource.EXPERT);
        }
        LabelSchema schema = schema();
        var topic = schema.byHotkey(key);
        if (topic.isEmpty()) {
            status.setMessage(schema.isEmpty() ? "No topics yet: import labelled quotes first."
                    : "No topic on key " + key.toUpperCase(java.util.Locale.ROOT)
                    + "; the legend shows each topic's key (Schema... changes them).");
            return false;
        }
        return label(index, QuoteLabel.inTopic(topic.get().key()), LabelSource.EXPERT);
    }

    /** The project's label schema: topic names, colours and keys. */
    public LabelSchema schema() {
        return context.get() == null ? LabelSchema.EMPTY : context.get().schema();
    }

    /** Enter: the model's prediction becomes the label (source MODEL_ACCEPTED). */
    public boolean acceptPrediction(int index) {
        QuoteRow row = row(index);
        if (row == null) {
            return false;
        }
        if (row.prediction() == null) {
            status.setMessage("This quote is not scored yet: there is no prediction to accept.");
            return false;
        }
        return label(index, Labels.predicted(row.prediction()), LabelSource.MODEL_ACCEPTED);
    }

    private boolean label(int index, QuoteLabel label, LabelSource source) {
        QuoteRow row = row(index);
        if (row == null) {
            return false;
        }
        edits.label(row, label, source);
        return true;
    }

    /** Ctrl+Z: reverts this session's latest edit in the store, then shows it on its row. */
    public void undo() {
        edits.undo();
    }

    /** The label edits, with the conflict waiting for the user's choice (mine vs theirs). */
    public ReviewEdits edits() {
        return edits;
    }

    /** Follows other people's label changes while Review is shown (see {@link LabelWatch}). */
    public void startWatching() {
        watch.start(jobs.batched(list -> list.forEach(this::applyUpdates)));
    }

    public void stopWatching() {
        watch.stop();
    }

    /** Changed labels replace the loaded rows in place when newer than what the row shows. */
    void applyUpdates(LabelUpdates updates) {
        boolean any = false;
        for (LabelState st : updates.states()) {
            Integer at = indexById.get(st.quoteId());
            if (at != null && at < rows.size() && rows.get(at).labelVersion() < st.version()) {
                replace(st.quoteId(), r -> r.withLabel(st.label(), st.version()));
                details.refresh(st.quoteId());
                any = true;
            }
        }
        if (any) {
            recount();
        }
    }

    /** The detail pane follows the selection. */
    public void select(QuoteRow row) {
        details.select(row);
    }

    private void replace(long quoteId, UnaryOperator<QuoteRow> change) {
        Integer at = indexById.get(quoteId);
        if (at != null && at < rows.size() && rows.get(at).quote().id() == quoteId) {
            rows.set(at, change.apply(rows.get(at)));
        }
    }

    private QuoteRow row(int index) {
        return index >= 0 && index < rows.size() ? rows.get(index) : null;
    }

    private void failed(Throwable e) {
        status.setMessage("Error: " + e.getMessage());
    }

    public List<TopicCount> topics() {
        return context.get() == null ? List.of() : context.get().topics();
    }

    public ObservableList<QuoteRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<ReviewContext> contextProperty() {
        return context.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewFilters> filtersProperty() {
        return filters.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QuoteDetail> detailProperty() {
        return details.property();
    }

    /** Quotes per queue (keys of {@link #QUEUES}) under the current batch and prediction filters. */
    public ObservableMap<String, Long> queueCounts() {
        return queueCounts;
    }

    /** The batch's review progress, e.g. "Day 3: 120 of 366 reviewed (33%)". */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return status.messageProperty();
    }

    public ReadOnlyIntegerProperty focusRequestProperty() {
        return focusRequest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean hasMore() {
        return hasMore;
    }
}

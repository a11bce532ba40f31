package org.quotelab.ui.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.metrics.Estimate;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.EvaluationScope;
import org.quotelab.service.evaluation.CascadeEvaluator;
import org.quotelab.service.evaluation.ClassRow;
import org.quotelab.service.evaluation.Evaluation;
import org.quotelab.service.models.CascadePair;
import org.quotelab.service.review.ReviewFocus;
import org.quotelab.ui.common.JobStatus;
import org.quotelab.ui.common.ShowsJobStatus;
import org.quotelab.ui.common.UiJobs;

/**
 * State of the Evaluation view: which cascades (A, optionally B) on which batches, and the
 * results. Evaluating runs in one job (A, then B); a confusion cell goes to Review through
 * {@code openInReview}, which the window wires to Review and shows it.
 */
public final class EvaluationViewModel implements ShowsJobStatus {
    /** What the choosers offer: every stored cascade and every batch. */
    private record Choices(List<CascadePair> cascades, List<Batch> batches) {
    }

    /** The results of one evaluation: A, and B when comparing (else null). */
    private record Results(Evaluation a, Evaluation b, org.quotelab.domain.project.LabelSchema schema) {
    }

    private final Workbench workbench;
    /** The project's label schema as read with the last evaluation; names the classes on screen. */
    private org.quotelab.domain.project.LabelSchema schema = org.quotelab.domain.project.LabelSchema.EMPTY;
    private final UiJobs jobs;
    private final Consumer<ReviewFocus> openInReview;
    /** The batches of the evaluation on screen (empty: all). */
    private List<Long> evaluatedBatches = List.of();
    private final CascadeEvaluator evaluator;
    private final ObservableList<CascadePair> cascades = FXCollections.observableArrayList();
    private final ObservableList<Batch> batches = FXCollections.observableArrayList();
    private final ObservableList<Batch> chosenBatches = FXCollections.observableArrayList();
    private final ObjectProperty<CascadePair> versionA = new SimpleObjectProperty<>();
    private final ObjectProperty<CascadePair> versionB = new SimpleObjectProperty<>();
    private final BooleanProperty compare = new SimpleBooleanProperty(false);
    /** Held-out by default: figures on quotes the cascade saw are only shown when asked for. */
    private final ObjectProperty<EvaluationScope> scope = new SimpleObjectProperty<>(EvaluationScope.HELD_OUT);
    private final ReadOnlyObjectWrapper<Evaluation> resultA = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Evaluation> resultB = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ClassRow> rowsA = FXCollections.observableArrayList();
    private final ObservableList<ClassRow> rowsB = FXCollections.observableArrayList();
    private final JobStatus status;

    public EvaluationViewModel(Workbench workbench, UiJobs jobs, Consumer<ReviewFocus> openInReview) {
        this.workbench = workbench;
        this.jobs = jobs;
        this.status = new JobStatus(jobs);
        this.openInReview = openInReview;
        this.evaluator = workbench.evaluator();
    }

    /** Reads the cascades and batches; A defaults to the active cascade. */
    public void reload() {
        jobs.run("Reading cascades", (p, c) -> new Choices(workbench.cascades().list(), workbench.imports().batches()),
                r -> {
                    List<CascadePair> pairs = r.cascades();
                    List<Batch> list = r.batches();
                    CascadePair a = same(pairs, versionA.get());
                    CascadePair b = same(pairs, versionB.get());
                    cascades.setAll(pairs);
                    batches.setAll(list);
                    versionA.set(a != null ? a : pairs.stream().filter(CascadePair::active).findFirst()
                            .orElse(pairs.isEmpty() ? null : pairs.get(0)));
                    versionB.set(b);
                    if (pairs.isEmpty()) {
                        status.setMessage("No model yet: train the first one in the Training view.");
                    }
                }, () -> { }, e -> status.setMessage("Could not read the cascades: " + e.getMessage()));
    }

    /** The reloaded pair of the same versions as {@code old}: keeps the user's choice across a refresh. */
    private static CascadePair same(List<CascadePair> pairs, CascadePair old) {
        return old == null ? null : pairs.stream().filter(p -> p.stage1().id() == old.stage1().id()
                && p.stage2().id() == old.stage2().id()).findFirst().orElse(null);
    }

    /** Evaluates A (and B when comparing) on the chosen batches, or all when none is chosen. */
    public void evaluate() {
        CascadePair a = versionA.get();
        CascadePair b = compare.get() ? versionB.get() : null;
        if (a == null || status.isBusy()) {
            return;
        }
        List<Long> ids = chosenBatches.stream().map(Batch::id).toList();
        evaluatedBatches = ids;
        EvaluationScope on = scope.get() == null ? EvaluationScope.HELD_OUT : scope.get();
        status.run("Evaluating cascades", "Evaluating " + a.label() + (b == null ? "" : " and " + b.label()) + "...",
                (p, c) -> new Results(evaluator.evaluate(a, ids, on, p, c),
                    b == null ? null : evaluator.evaluate(b, ids, on, p, c), workbench.schema().schema()), this::shown,
                "Evaluation failed");
    }

    private void shown(Results r) {
        schema = r.schema();
        resultA.set(r.a());
        resultB.set(r.b());
        rowsA.setAll(ClassRow.of(r.a(), null));
        rowsB.setAll(r.b() == null ? List.of() : ClassRow.of(r.b(), r.a()));
        status.setMessage(summary(r.a()) + (r.b() == null ? "" : "   |   " + summary(r.b())));
    }

    static String summary(Evaluation e) {
        if (e.figures() == null) {
            return e.pair().label() + ": no labelled " + e.scopeLabel() + " quotes to evaluate";
        }
        Estimate f1 = e.intervals().endToEnd().macroF1();
        Estimate acc = e.intervals().endToEnd().accuracy();
        return String.format(Locale.ROOT, "%s on %s quotes: %d labelled, macro-F1 %.3f %s, accuracy %.1f %% %s at %s%s%s%s",
                e.pair().label(), e.scopeLabel(), e.size(), f1.value(), f1.ci().format(), 100 * acc.value(),
                acc.ci().format(), e.at().describe(),
                e.skipped() > 0 ? ", " + e.skipped() + " skipped (topic unknown to it)" : "",
                e.scored() > 0 ? ", " + e.scored() + " scored now" : "",
                f1.enough() ? "" : "; " + f1.warning());
    }

    /** What people read for a class of the figures: the schema's name of a topic, else the class as it is. */
    public String name(String cls) {
        return schema.contains(cls) ? schema.name(cls) : cls;
    }

    /** Opens Review on the quotes of one cell of A's (or B's) confusion matrix. */
    public void openCell(boolean ofB, int trueClass, int predictedClass) {
        Evaluation e = ofB ? resultB.get() : resultA.get();
        if (e == null || e.figures() == null) {
            return;
        }
        List<String> labels = e.matrix().labels();
        List<Long> ids = e.cell(trueClass, predictedClass);
        String what = String.format(Locale.ROOT, "%s: true %s, predicted %s (%d quotes)", e.pair().label(),
                name(labels.get(trueClass)), name(labels.get(predictedClass)), ids.size());
        // one evaluated batch: Review's batch filter shows it; several or all: "All batches"
        Long batch = evaluatedBatches.size() == 1 ? evaluatedBatches.get(0) : null;
        openInReview.accept(new ReviewFocus(what, ids, e.pair().stage1().id(), e.pair().stage2().id(), batch));
    }

    public ObservableList<CascadePair> cascades() {
        return cascades;
    }

    public ObservableList<Batch> batches() {
        return batches;
    }

    /** The batches to evaluate on; empty means all. */
    public ObservableList<Batch> chosenBatches() {
        return chosenBatches;
    }

    // versions A and B and the compare switch are the view's inputs: they stay writable

    public ObjectProperty<CascadePair> versionAProperty() {
        return versionA;
    }

    public ObjectProperty<CascadePair> versionBProperty() {
        return versionB;
    }

    public BooleanProperty compareProperty() {
        return compare;
    }

    /** Which quotes to evaluate on, relative to what the cascade saw. */
    public ObjectProperty<EvaluationScope> scopeProperty() {
        return scope;
    }

    public ReadOnlyObjectProperty<Evaluation> resultAProperty() {
        return resultA.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Evaluation> resultBProperty() {
        return resultB.getReadOnlyProperty();
    }

    public ObservableList<ClassRow> rowsA() {
        return rowsA;
    }

    public ObservableList<ClassRow> rowsB() {
        return rowsB;
    }

    @Override
    public JobStatus jobStatus() {
        return status;
    }
}

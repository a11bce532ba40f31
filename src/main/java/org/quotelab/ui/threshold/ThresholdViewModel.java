package org.quotelab.ui.threshold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.cascade.Recommendation;
import org.quotelab.domain.cascade.SweepPoint;
import org.quotelab.domain.cascade.ThresholdObjective;
import org.quotelab.domain.metrics.Estimate;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.ThresholdTuning;
import org.quotelab.ui.common.JobStatus;
import org.quotelab.ui.common.ShowsJobStatus;
import org.quotelab.ui.common.UiJobs;

/**
 * State of the Threshold view. The sweeps are computed once per load in a job; moving a slider
 * only changes {@link #indexProperty()} or {@link #class0IndexProperty()}, which pick a
 * precomputed point, so dragging never waits.
 */
public final class ThresholdViewModel implements ShowsJobStatus {
    /** How to get a cascade when none is active: the view shows this instead of the numbers. */
    public static final String NO_CASCADE = "No model yet. Open the Training view and press \"Train the first model\""
            + " (or Start with the form's settings).\nThe thresholds of the new model show here as soon as it is active.";

    /** One row of the recall-lost table: the share stage 1 rejects, of {@code n} quotes of the topic. */
    public record TopicLoss(String topic, double lost, Estimate estimate) {
    }

    /**
     * A figure's support and interval as the view shows them beside the figure; {@code warning} is
     * empty, or says why the figure is greyed out (fewer than 30 quotes).
     */
    public record Note(String text, String warning) {
        static final Note NONE = new Note("", "");

        static Note of(Estimate e) {
            return new Note(e.ci().format() + "  n = " + e.n(), e.warning());
        }
    }

    private final Runnable afterApply;
    private final ThresholdTuning tuning;
    private final ReadOnlyObjectWrapper<ThresholdTuning.Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty index = new SimpleIntegerProperty(ThresholdTuning.GRID_STEPS / 2);
    /** Index into the class-0 grid: 0 is 1.00, stage 2's argmax rule. */
    private final IntegerProperty class0Index = new SimpleIntegerProperty(0);
    private final ReadOnlyStringWrapper class0Threshold = new ReadOnlyStringWrapper("-");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final JobStatus status;
    private final ReadOnlyStringWrapper threshold = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper class0Recall = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper class0Precision = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper outOfTopicRecall = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper macroF1 = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper accuracy = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper reviewLoad = new ReadOnlyStringWrapper("-");
    private final StringProperty bound = new SimpleStringProperty("0.90");
    private final ReadOnlyObjectWrapper<Note> class0RecallNote = new ReadOnlyObjectWrapper<>(Note.NONE);
    private final ReadOnlyObjectWrapper<Note> outOfTopicRecallNote = new ReadOnlyObjectWrapper<>(Note.NONE);
    private final ReadOnlyObjectWrapper<Note> accuracyNote = new ReadOnlyObjectWrapper<>(Note.NONE);
    private final ReadOnlyObjectWrapper<Note> macroF1Note = new ReadOnlyObjectWrapper<>(Note.NONE);
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper("");
    private final UiJobs jobs;
    /** The bootstrap of the shown point runs off the FX thread, one at a time; the latest request waits. */
    private boolean intervalRunning;
    private OperatingPoint intervalWanted;
    private final ObservableList<TopicLoss> topicLoss = FXCollections.observableArrayList();

    public ThresholdViewModel(Workbench workbench, UiJobs jobs, Runnable afterApply) {
        this.status = new JobStatus(jobs);
        this.jobs = jobs;
        this.afterApply = afterApply;
        this.tuning = workbench.thresholds();
        index.addListener((o, a, b) -> show());
        class0Index.addListener((o, a, b) -> show());
    }

    /** Loads (scoring the missing validation predictions first) and sweeps, in a job. */
    public void reload() {
        status.run("Sweeping the stage-1 threshold", "Loading validation quotes...", tuning::load, this::loaded,
                "Could not load the threshold data");
    }

    private void loaded(Optional<ThresholdTuning.Loaded> result) {
        if (result.isEmpty()) {
            loaded.set(null);
            ready.set(false);
            status.setMessage(NO_CASCADE);
            return;
        }
        ThresholdTuning.Loaded l = result.get();
        if (l.scores().size() == 0) {
            loaded.set(null);
            ready.set(false);
            status.setMessage("No labelled validation quotes yet: label some quotes in Review first.");
            return;
        }
        loaded.set(l);
        ready.set(true);
        status.setMessage(l.scores().size() + " labelled validation quotes (" + l.scope() + "), " + l.scores().days()
                + " day(s)" + (l.skipped() > 0 ? "; " + l.skipped() + " skipped (topic unknown to the cascade)" : "")
                + (l.training().isEmpty() ? "" : ". At training: " + l.training()));
        moveTo(l.indexOf(l.at().threshold()), l.class0IndexOf(l.at().class0Threshold()));
        show();
    }

    private void moveTo(int i, int j) {
        class0Index.set(j);
        index.set(i);
    }

    /** Current point, or null before loading. */
    public SweepPoint point() {
        ThresholdTuning.Loaded l = loaded.get();
        if (l == null) {
            return null;
        }
        int j = Math.max(0, Math.min(l.class0Grid().length - 1, class0Index.get()));
        return l.point(j, Math.max(0, Math.min(l.grid().length - 1, index.get())));
    }

    private void show() {
        SweepPoint p = point();
        if (p == null) {
            return;
        }
        threshold.set(fmt(p.threshold()));
        class0Threshold.set(p.class0Threshold() >= CascadeDecision.ARGMAX_ONLY ? "1.00 (top class only)"
                : String.format(Locale.ROOT, "%.2f", p.class0Threshold()));
        class0Recall.set(pct(p.class0Recall()));
        class0Precision.set(pct(p.class0Precision()));
        outOfTopicRecall.set(pct(p.outOfTopicRecall()));
        macroF1.set(fmt(p.endToEndMacroF1()));
        accuracy.set(pct(p.endToEndAccuracy()));
        reviewLoad.set(String.format(Locale.ROOT, "%d passed, %.1f per day", p.passed(), p.passedPerDay()));
        ThresholdTuning.Loaded l = loaded.get();
        List<String> topics = l.scores().topics();
        List<TopicLoss> rows = new ArrayList<>(topics.size());
        for (int k = 0; k < topics.size(); k++) {
            long n = l.support(k + 1);
            rows.add(new TopicLoss(l.schema().name(topics.get(k)), p.topicRecallLost()[k],
                    Estimate.proportion(Math.round(p.topicRecallLost()[k] * n), n)));
        }
        topicLoss.setAll(rows);
        // proportions: Wilson from the counts, cheap enough for every slider step
        long passedOut = l.class0Support(p.threshold());
        class0RecallNote.set(Note.of(Estimate.proportion(Math.round(p.class0Recall() * passedOut), passedOut)));
        long out = l.outOfTopic();
        outOfTopicRecallNote.set(Note.of(Estimate.proportion(Math.round(p.outOfTopicRecall() * out), out)));
        long n = l.scores().size();
        accuracyNote.set(Note.of(Estimate.proportion(Math.round(p.endToEndAccuracy() * n), n)));
        intervalsFor(OperatingPoint.of(p));
    }

    /** Macro-F1's bootstrap and the comparison with the plain rule, for the shown point, in a job. */
    private void intervalsFor(OperatingPoint at) {
        ThresholdTuning.Loaded l = loaded.get();
        if (l == null) {
            return;
        }
        if (at.equals(l.here().point())) {
            intervalWanted = null;
            shown(l.here());
            return;
        }
        intervalWanted = at;
        if (intervalRunning) {
            return;
        }
        intervalRunning = true;
        intervalWanted = null;
        jobs.run("Intervals at " + at.describe(), (pr, c) -> Recommendation.PointFigures.of(l.scores(), at), f -> {
            intervalRunning = false;
            if (loaded.get() == l) {
                shown(f);
            }
            if (intervalWanted != null) {
                intervalsFor(intervalWanted);
            }
        }, () -> intervalRunning = false, e -> intervalRunning = false);
    }

    private void shown(Recommendation.PointFigures f) {
        ThresholdTuning.Loaded l = loaded.get();
        SweepPoint p = point();
        if (l == null || p == null || !f.point().equals(OperatingPoint.of(p))) {
            return; // the slider moved on; its own job is on the way
        }
        macroF1Note.set(Note.of(f.macroF1()));
        comparison.set(compare(f, l.plain(), l.schema()::name));
    }

    /** What the shown point costs or gains against the plain rule (0.5, top class), with intervals. */
    static String compare(Recommendation.PointFigures at, Recommendation.PointFigures plain,
                          java.util.function.UnaryOperator<String> name) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-22s %-26s %s%n", "",
                at.point().describe(), "plain rule (0.5, top class)"));
        line(sb, "macro-F1", at.macroF1(), plain.macroF1());
        line(sb, "out-of-topic recall", at.outOfTopicRecall(), plain.outOfTopicRecall());
        line(sb, "class-0 recall", at.class0Recall(), plain.class0Recall());
        for (int k = 0; k < at.topics().size(); k++) {
            line(sb, "recall " + name.apply(at.topics().get(k)), at.topicRecall().get(k), plain.topicRecall().get(k));
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String name, Estimate a, Estimate b) {
        sb.append(String.format(Locale.ROOT, "%-22s %.3f %-18s %.3f %s  n = %d%s%n", name, a.value(), a.ci().format(),
                b.value(), b.ci().format(), b.n(), a.enough() && b.enough() ? "" : "  (too few quotes)"));
    }

    /** Moves the slider to the objective's recommendation; the bound field applies to the constrained ones. */
    public void recommend(ThresholdObjective objective) {
        ThresholdTuning.Loaded l = loaded.get();
        if (l == null) {
            return;
        }
        double b;
        try {
            b = Double.parseDouble(bound.get().trim());
        } catch (NumberFormatException e) {
            status.setMessage("The bound must be a number between 0 and 1, e.g. 0.9");
            return;
        }
        SweepPoint here = point();
        long support = l.class0Support(here.threshold());
        if (objective == ThresholdObjective.MIN_CLASS0_RECALL && support < Recommendation.MIN_CLASS0_SUPPORT) {
            // a class-0 threshold tuned on a handful of quotes lands anywhere, often at 0.01: refuse
            status.setMessage("No class-0 recommendation: only " + support + " out-of-topic quotes pass stage 1 here"
                    + " (fewer than " + Recommendation.MIN_CLASS0_SUPPORT + "); the plain rule stays.");
            return;
        }
        Optional<SweepPoint> best = l.recommend(objective, b, l.class0IndexOf(here.class0Threshold()),
                l.indexOf(here.threshold()));
        if (best.isEmpty()) {
            status.setMessage(objective == ThresholdObjective.MIN_CLASS0_RECALL
                    ? "No class-0 threshold reaches that bound at this stage-1 threshold."
                    : "No stage-1 threshold reaches that bound at this class-0 threshold.");
            return;
        }
        moveTo(l.indexOf(best.get().threshold()), l.class0IndexOf(best.get().class0Threshold()));
        status.setMessage("Recommended: " + OperatingPoint.of(best.get()).describe());
    }

    /** Stores the current operating point and re-decides the stored predictions, in a job. */
    public void apply() {
        SweepPoint p = point();
        // busy: a second Apply while the first re-decides the predictions would race it in the store
        if (p == null || status.isBusy()) {
            return;
        }
        OperatingPoint at = OperatingPoint.of(p);
        status.run("Storing the thresholds", "Storing " + at.describe() + "...", (pr, c) -> tuning.apply(at), n -> {
            status.setMessage("Stored " + at.describe() + "; " + n + " predictions decided again.");
            afterApply.run();
        }, e -> status.setMessage("Could not store the thresholds: " + e.getMessage()));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    public static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    public ReadOnlyObjectProperty<ThresholdTuning.Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    // the two slider indices and the bound field are the view's inputs: they stay writable

    public IntegerProperty indexProperty() {
        return index;
    }

    public IntegerProperty class0IndexProperty() {
        return class0Index;
    }

    public ReadOnlyStringProperty class0ThresholdProperty() {
        return class0Threshold.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    @Override
    public JobStatus jobStatus() {
        return status;
    }

    public ReadOnlyStringProperty thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty class0RecallProperty() {
        return class0Recall.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty class0PrecisionProperty() {
        return class0Precision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outOfTopicRecallProperty() {
        return outOfTopicRecall.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty macroF1Property() {
        return macroF1.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewLoadProperty() {
        return reviewLoad.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Note> class0RecallNoteProperty() {
        return class0RecallNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Note> outOfTopicRecallNoteProperty() {
        return outOfTopicRecallNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Note> accuracyNoteProperty() {
        return accuracyNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Note> macroF1NoteProperty() {
        return macroF1Note.getReadOnlyProperty();
    }

    /** The shown point against the plain rule: macro-F1 and each topic's recall, with intervals. */
    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public StringProperty boundProperty() {
        return bound;
    }

    public ObservableList<TopicLoss> topicLoss() {
        return topicLoss;
    }
}

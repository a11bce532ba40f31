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
import org.quotelab.domain.cascade.SweepPoint;
import org.quotelab.domain.cascade.ThresholdObjective;
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

    /** One row of the recall-lost table. */
    public record TopicLoss(String topic, double lost) {
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
    private final ObservableList<TopicLoss> topicLoss = FXCollections.observableArrayList();

    public ThresholdViewModel(Workbench workbench, UiJobs jobs, Runnable afterApply) {
        this.status = new JobStatus(jobs);
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
        status.setMessage(l.scores().size() + " labelled validation quotes, " + l.scores().days() + " day(s)"
                + (l.skipped() > 0 ? "; " + l.skipped() + " skipped (topic unknown to the cascade)" : ""));
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
        List<String> topics = loaded.get().scores().topics();
        List<TopicLoss> rows = new ArrayList<>(topics.size());
        for (int k = 0; k < topics.size(); k++) {
            rows.add(new TopicLoss(topics.get(k), p.topicRecallLost()[k]));
        }
        topicLoss.setAll(rows);
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

    public StringProperty boundProperty() {
        return bound;
    }

    public ObservableList<TopicLoss> topicLoss() {
        return topicLoss;
    }
}

package org.quotelab.ui.monitoring;

import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.domain.agreement.AgreementFigure;
import org.quotelab.domain.agreement.AgreementReport;
import org.quotelab.service.agreement.AgreementService;
import org.quotelab.service.agreement.AgreementSummary;
import org.quotelab.ui.common.UiJobs;

/**
 * State of Monitoring's agreement panel: alpha over the project with its interval and n, kappa per
 * pair of annotators, and the batches with the lowest alpha. Measured in a background job (a read
 * of the label history and a bootstrap); the quotes behind it open in Review's queue.
 */
public final class AgreementViewModel {
    /** How many of the lowest-alpha batches the panel lists. */
    static final int LOWEST = 3;

    private final AgreementService service;
    private final UiJobs jobs;
    private final Runnable openQueue;
    private final ReadOnlyStringWrapper alpha = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alphaDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper annotators = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper disagreeing = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasDisagreements = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> pairs = FXCollections.observableArrayList();
    private final ObservableList<String> lowest = FXCollections.observableArrayList();

    /** {@code openQueue}: shows Review's "annotators disagree" queue. */
    public AgreementViewModel(AgreementService service, UiJobs jobs, Runnable openQueue) {
        this.service = service;
        this.jobs = jobs;
        this.openQueue = openQueue;
    }

    public void load() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        alpha.set("Measuring agreement...");
        alphaDetail.set("");
        jobs.run("Measuring agreement between annotators", (p, c) -> service.report(null), s -> {
            busy.set(false);
            show(s);
        }, () -> busy.set(false), e -> {
            busy.set(false);
            alpha.set("Cannot measure agreement: " + e.getMessage());
        });
    }

    private void show(AgreementSummary s) {
        AgreementReport r = s.report();
        annotators.set(r.annotators().isEmpty() ? "No label changes recorded yet."
                : r.annotators().size() + " annotator" + (r.annotators().size() == 1 ? "" : "s") + ": "
                        + String.join(", ", r.annotators()));
        alpha.set("Krippendorff's alpha " + (r.alpha().present() ? String.format(Locale.ROOT, "%.3f %s",
                r.alpha().value(), r.alpha().estimate().ci().format()) : "-"));
        alphaDetail.set(detail(r.alpha()));
        pairs.setAll(r.pairs().stream().map(k -> k.first() + " / " + k.second() + ": " + compact(k.kappa())).toList());
        lowest.setAll(r.lowestBatches(LOWEST).stream().map(b -> s.day(b.batchId()) + ": " + compact(b.alpha()))
                .toList());
        int n = r.disagreements().size();
        hasDisagreements.set(n > 0);
        disagreeing.set(String.format(Locale.ROOT, "%,d quote%s where annotators disagree", n, n == 1 ? "" : "s"));
    }

    /** "n = 12 quotes, 40 labels", with a warning under 30 quotes, or why there is no figure. */
    static String detail(AgreementFigure f) {
        if (!f.present()) {
            return f.reason();
        }
        return String.format(Locale.ROOT, "n = %,d quotes, %,d labels", f.quotes(), f.values())
                + (f.estimate().enough() ? "" : "; fewer than 30 quotes: too few to rely on");
    }

    /** "0.743 [0.520, 0.900], n = 12" (a * under 30 quotes), or "- (why)". */
    static String compact(AgreementFigure f) {
        if (!f.present()) {
            return "- (" + f.reason() + ")";
        }
        return String.format(Locale.ROOT, "%.3f %s, n = %,d%s", f.value(), f.estimate().ci().format(), f.quotes(),
                f.estimate().enough() ? "" : "*");
    }

    public void openQueue() {
        openQueue.run();
    }

    public ReadOnlyStringProperty alphaProperty() {
        return alpha.getReadOnlyProperty();
    }

    /** The quotes and labels alpha rests on, or why there is no alpha. */
    public ReadOnlyStringProperty alphaDetailProperty() {
        return alphaDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty annotatorsProperty() {
        return annotators.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty disagreeingProperty() {
        return disagreeing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasDisagreementsProperty() {
        return hasDisagreements.getReadOnlyProperty();
    }

    /** "ann / bob: 0.810 [0.702, 0.893], n = 120" per pair of annotators. */
    public ObservableList<String> pairs() {
        return pairs;
    }

    /** The batches with the lowest alpha, lowest first. */
    public ObservableList<String> lowest() {
        return lowest;
    }
}

package org.quotelab.domain.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a {@link ClassificationReport} with their support and 95 % interval: Wilson for
 * the proportions (accuracy, precision, recall), a bootstrap over quotes for F1, macro-F1 and
 * weighted F1 (n = all quotes). A
 * confusion matrix holds every (truth, prediction) pair, so it is all the bootstrap needs.
 */
public record ReportIntervals(Estimate accuracy, List<ClassIntervals> classes, Estimate macroF1,
                              Estimate weightedF1) {

    /** One class's precision (n = quotes called this class), recall and F1 (n = its support). */
    public record ClassIntervals(String label, Estimate precision, Estimate recall, Estimate f1) {
    }

    public ReportIntervals {
        classes = List.copyOf(classes);
    }

    public static ReportIntervals of(ClassificationReport report) {
        return of(report, Bootstrap.standard());
    }

    public static ReportIntervals of(ClassificationReport report, Bootstrap bootstrap) {
        ConfusionMatrix m = report.matrix();
        int k = m.size();
        int total = Math.toIntExact(m.total());
        int[] truth = new int[total];
        int[] predicted = new int[total];
        int at = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                for (long c = m.count(t, p); c > 0; c--) {
                    truth[at] = t;
                    predicted[at] = p;
                    at++;
                }
            }
        }
        Bootstrap.F1Intervals f1 = bootstrap.f1(truth, predicted, k);
        List<ClassIntervals> rows = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            ClassMetrics cm = report.classes().get(c);
            rows.add(new ClassIntervals(cm.label(), Estimate.proportion(m.truePositives(c), m.predictedCount(c)),
                    Estimate.proportion(m.truePositives(c), m.support(c)),
                    new Estimate(cm.f1(), m.support(c), f1.perClass()[c])));
        }
        return new ReportIntervals(Estimate.proportion(m.correct(), total), rows,
                new Estimate(report.macro().f1(), total, f1.macro()),
                new Estimate(report.weighted().f1(), total, f1.weighted()));
    }

    public ClassIntervals forLabel(String label) {
        return classes.stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no class named " + label));
    }
}

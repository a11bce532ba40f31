package org.quotelab.domain.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-class precision / recall / F1 / support with accuracy, macro and weighted averages: the
 * figures of scikit-learn's classification_report, computed from a confusion matrix.
 */
public record ClassificationReport(
        List<ClassMetrics> classes, double accuracy, ClassMetrics macro, ClassMetrics weighted, ConfusionMatrix matrix) {

    public ClassificationReport {
        classes = List.copyOf(classes);
    }

    public static ClassificationReport of(int[] truth, int[] predicted, List<String> labels) {
        return of(ConfusionMatrix.of(truth, predicted, labels));
    }

    public static ClassificationReport of(ConfusionMatrix m) {
        List<ClassMetrics> rows = new ArrayList<>();
        double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
        long total = m.total();
        for (int c = 0; c < m.size(); c++) {
            double p = ClassMetrics.ratio(m.truePositives(c), m.predictedCount(c));
            double r = ClassMetrics.ratio(m.truePositives(c), m.support(c));
            double f = ClassMetrics.f1(p, r);
            long s = m.support(c);
            rows.add(new ClassMetrics(m.labels().get(c), p, r, f, s));
            mp += p;
            mr += r;
            mf += f;
            wp += p * s;
            wr += r * s;
            wf += f * s;
        }
        int n = Math.max(1, m.size());
        ClassMetrics macro = new ClassMetrics("macro avg", mp / n, mr / n, mf / n, total);
        ClassMetrics weighted = total == 0
                ? new ClassMetrics("weighted avg", 0, 0, 0, 0)
                : new ClassMetrics("weighted avg", wp / total, wr / total, wf / total, total);
        return new ClassificationReport(rows, m.accuracy(), macro, weighted, m);
    }

    public ClassMetrics forLabel(String label) {
        return classes.stream()
                .filter(c -> c.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no class named " + label));
    }

    /** The report as text laid out like scikit-learn's, for the CLI and logs. */
    public String format() {
        int width = Math.max(12, classes.stream().mapToInt(c -> c.label().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        String head = "%" + width + "s %9s %9s %9s %9s%n";
        String row = "%" + width + "s %9.4f %9.4f %9.4f %9d%n";
        sb.append(String.format(Locale.ROOT, head, "", "precision", "recall", "f1-score", "support"));
        for (ClassMetrics c : classes) {
            sb.append(String.format(Locale.ROOT, row, c.label(), c.precision(), c.recall(), c.f1(), c.support()));
        }
        sb.append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%" + width + "s %9s %9s %9.4f %9d%n",
                "accuracy", "", "", accuracy, matrix.total()));
        for (ClassMetrics c : List.of(macro, weighted)) {
            sb.append(String.format(Locale.ROOT, row, c.label(), c.precision(), c.recall(), c.f1(), c.support()));
        }
        return sb.toString();
    }
}

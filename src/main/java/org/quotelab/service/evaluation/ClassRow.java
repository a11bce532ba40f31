package org.quotelab.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.metrics.ClassMetrics;
import org.quotelab.domain.metrics.ReportIntervals;

/**
 * One line of the per-class table: end-to-end out-of-topic and each topic, then stage 2's class 0
 * ("not pertinent", over the quotes stage 1 passed). {@code deltaF1} is this F1 minus the other
 * version's for the same class, or NaN when there is nothing to compare with; {@code intervals}
 * holds each figure's support and 95 % interval (null when not computed).
 */
public record ClassRow(String label, String scope, double precision, double recall, double f1, long support,
        double deltaF1, ReportIntervals.ClassIntervals intervals) {

    /** Why the row is greyed out ("only 12 quotes ..."), or "" when its support is enough. */
    public String warning() {
        return intervals == null ? "" : intervals.f1().warning();
    }

    public static final String END_TO_END = "end to end";
    public static final String STAGE2 = "stage 2, passed quotes";

    /** The table of {@code e}; with {@code other} non-null each row carries the F1 change from it. */
    public static List<ClassRow> of(Evaluation e, Evaluation other) {
        List<ClassRow> out = new ArrayList<>();
        if (e.figures() == null) {
            return out;
        }
        for (ClassMetrics c : e.figures().endToEnd().classes()) {
            out.add(row(c, END_TO_END, other == null || other.figures() == null ? null
                    : find(other.figures().endToEnd().classes(), c.label()),
                    e.intervals() == null ? null : e.intervals().endToEnd().forLabel(c.label())));
        }
        ClassMetrics c0 = class0(e);
        if (c0 != null) {
            out.add(row(c0, STAGE2, other == null ? null : class0(other),
                    e.intervals() == null || e.intervals().stage2() == null ? null
                            : e.intervals().stage2().forLabel(CascadeDecision.NOT_PERTINENT)));
        }
        return out;
    }

    private static ClassMetrics class0(Evaluation e) {
        if (e.figures() == null || e.figures().stage2() == null) {
            return null;
        }
        return find(e.figures().stage2().classes(), CascadeDecision.NOT_PERTINENT);
    }

    private static ClassMetrics find(List<ClassMetrics> classes, String label) {
        return classes.stream().filter(c -> c.label().equals(label)).findFirst().orElse(null);
    }

    private static ClassRow row(ClassMetrics c, String scope, ClassMetrics other, ReportIntervals.ClassIntervals ci) {
        return new ClassRow(c.label(), scope, c.precision(), c.recall(), c.f1(), c.support(),
                other == null ? Double.NaN : c.f1() - other.f1(), ci);
    }
}

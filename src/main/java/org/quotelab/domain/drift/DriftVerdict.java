package org.quotelab.domain.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The verdict on one batch: its tests after the family's multiple-testing correction and the
 * overall severity, the highest of its tests. The batch alerts when that severity is not NONE.
 */
public record DriftVerdict(List<DriftTest> tests, Severity severity, MultipleTesting.Method correction,
                           double alpha) {

    public DriftVerdict {
        tests = List.copyOf(tests);
    }

    /** Corrects the raw tests of one batch together and grades each by its effect size. */
    public static DriftVerdict of(List<DriftTest> raw, double alpha, MultipleTesting.Method correction) {
        double[] p = raw.stream().mapToDouble(DriftTest::pValue).toArray();
        double[] adjusted = correction.adjust(p);
        List<DriftTest> out = new ArrayList<>();
        Severity overall = Severity.NONE;
        for (int i = 0; i < raw.size(); i++) {
            DriftTest t = raw.get(i).corrected(adjusted[i], alpha);
            out.add(t);
            overall = Severity.max(overall, t.severity());
        }
        return new DriftVerdict(out, overall, correction, alpha);
    }

    public boolean alert() {
        return severity.alert();
    }

    /** One sentence per test that alerts, most severe first. */
    public List<String> alerts() {
        return tests.stream().filter(t -> t.severity().alert())
                .sorted(Comparator.comparing(DriftTest::severity).reversed()).map(DriftTest::sentence).toList();
    }

    /** The most severe test, ties broken by the smaller adjusted p; null when there are none. */
    public DriftTest strongest() {
        return strongest(tests);
    }

    public static DriftTest strongest(List<DriftTest> tests) {
        return tests.stream().max(Comparator.comparing(DriftTest::severity)
                .thenComparing(Comparator.comparingDouble(DriftTest::adjustedP).reversed())).orElse(null);
    }
}

package org.quotelab.domain.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.metrics.Bootstrap;

class KrippendorffAlphaTest {
    private static final List<String> FIVE = List.of("1", "2", "3", "4", "5");

    /** Columns are units, rows observers, -1 missing; values 1..5 become classes 0..4. */
    private static List<int[]> units(int[]... observers) {
        List<int[]> out = new ArrayList<>();
        for (int u = 0; u < observers[0].length; u++) {
            int unit = u;
            out.add(java.util.Arrays.stream(observers).mapToInt(o -> o[unit]).filter(v -> v >= 0).map(v -> v - 1)
                    .toArray());
        }
        return out;
    }

    @Test
    void krippendorffsOwnExampleWithFourObserversAndMissingValuesGives0743() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal data: alpha = 0.743
        int m = -1;
        List<int[]> data = units(
                new int[] {1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
                new int[] {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
                new int[] {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
                new int[] {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m});
        AgreementFigure a = KrippendorffAlpha.nominal(data, FIVE, Bootstrap.standard());
        assertTrue(a.present());
        assertEquals(0.743, a.value(), 0.0005);
        assertEquals(11, a.quotes(), "unit 12 has one value: not pairable");
        assertEquals(40, a.values());
        assertTrue(a.estimate().ci().known());
        assertTrue(a.estimate().ci().lo() <= a.value() && a.value() <= a.estimate().ci().hi());
    }

    @Test
    void krippendorffsBinaryExampleOfTwoObserversGives0095() {
        // the same paper's first example: two observers, ten units, values 0/1, alpha = 0.095
        int[] a = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
        int[] b = {1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
        List<int[]> data = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            data.add(new int[] {a[i], b[i]});
        }
        assertEquals(0.095, KrippendorffAlpha.nominal(data, List.of("0", "1"), Bootstrap.standard()).value(), 0.0005);
    }

    @Test
    void perfectAgreementIsOneAndOneClassOnlyHasNoFigureAndSaysWhy() {
        List<int[]> perfect = List.of(new int[] {0, 0}, new int[] {1, 1, 1}, new int[] {2, 2});
        AgreementFigure p = KrippendorffAlpha.nominal(perfect, List.of("0", "A", "B"), Bootstrap.standard());
        assertEquals(1.0, p.value(), 1e-12);

        List<int[]> oneClass = List.of(new int[] {1, 1}, new int[] {1, 1, 1});
        AgreementFigure o = KrippendorffAlpha.nominal(oneClass, List.of("0", "A"), Bootstrap.standard());
        assertFalse(o.present());
        assertTrue(Double.isNaN(o.value()));
        assertTrue(o.reason().contains("'A'"), o.reason());
        assertEquals(2, o.quotes());
    }

    @Test
    void quotesWithASingleLabelAreNotPairable() {
        AgreementFigure a = KrippendorffAlpha.nominal(List.of(new int[] {0}, new int[] {1}), List.of("0", "A"),
                Bootstrap.standard());
        assertFalse(a.present());
        assertTrue(a.reason().contains("two or more annotators"), a.reason());
    }

    @Test
    void theIntervalIsSeededAndNarrowsWithMoreQuotes() {
        List<int[]> few = new ArrayList<>();
        List<int[]> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int[] unit = i % 5 == 0 ? new int[] {0, 1} : new int[] {i % 2, i % 2};
            many.add(unit);
            if (i < 40) {
                few.add(unit);
            }
        }
        List<String> names = List.of("0", "A");
        AgreementFigure f = KrippendorffAlpha.nominal(few, names, Bootstrap.standard());
        assertEquals(f, KrippendorffAlpha.nominal(few, names, Bootstrap.standard()), "same data, same interval");
        AgreementFigure m = KrippendorffAlpha.nominal(many, names, Bootstrap.standard());
        assertTrue(m.estimate().ci().width() < f.estimate().ci().width());
    }

    @Test
    void eachClassAgainstTheRestEqualsAlphaOnTheTwoClassData() {
        int m = -1;
        List<int[]> data = units(
                new int[] {1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
                new int[] {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
                new int[] {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
                new int[] {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m});
        KrippendorffAlpha.Result r = KrippendorffAlpha.withClasses(data, FIVE, Bootstrap.standard());
        assertEquals(KrippendorffAlpha.nominal(data, FIVE, Bootstrap.standard()), r.overall());
        for (int c = 0; c < 5; c++) {
            int cls = c;
            List<int[]> binary = data.stream().map(u -> java.util.Arrays.stream(u).map(v -> v == cls ? 1 : 0).toArray())
                    .toList();
            AgreementFigure direct = KrippendorffAlpha.nominal(binary, List.of("rest", FIVE.get(c)), Bootstrap.standard());
            assertEquals(direct.value(), r.perClass().get(c).value(), 1e-12, "class " + FIVE.get(c));
            assertEquals(direct.estimate().ci().lo(), r.perClass().get(c).estimate().ci().lo(), 1e-12);
            assertEquals(direct.estimate().ci().hi(), r.perClass().get(c).estimate().ci().hi(), 1e-12);
        }
        List<int[]> noFives = List.of(new int[] {0, 1}, new int[] {1, 1});
        AgreementFigure absent = KrippendorffAlpha.withClasses(noFives, FIVE, Bootstrap.standard()).perClass().get(4);
        assertTrue(absent.reason().contains("has a label '5'"), absent.reason());
    }
}

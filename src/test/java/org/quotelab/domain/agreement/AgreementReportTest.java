package org.quotelab.domain.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.metrics.Bootstrap;
import org.quotelab.domain.quote.QuoteLabel;

class AgreementReportTest {

    private static QuoteLabel label(String v) {
        return v.equals("0") ? QuoteLabel.outOfTopic() : QuoteLabel.inTopic(v);
    }

    /** One rating per (quote, annotator); {@code values[a][q]} null = annotator a did not label quote q. */
    private static List<Rating> ratings(List<String> who, long batchOf2nd, String[]... values) {
        List<Rating> out = new ArrayList<>();
        for (int a = 0; a < values.length; a++) {
            for (int q = 0; q < values[a].length; q++) {
                if (values[a][q] != null) {
                    out.add(new Rating(100 + q, q < values[a].length / 2 ? 1 : batchOf2nd, who.get(a), label(values[a][q])));
                }
            }
        }
        return out;
    }

    @Test
    void krippendorffsExampleAsAnnotatorsAndClassesGivesTheSameAlphaAndPairKappas() {
        String m = null;
        List<Rating> r = ratings(List.of("a", "b", "c", "d"), 2,
                new String[] {"1", "2", "3", "3", "2", "1", "4", "1", "2", m, m, m},
                new String[] {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", m, "3"},
                new String[] {m, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", m},
                new String[] {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", m});
        AgreementReport report = AgreementReport.of(r, Bootstrap.standard());
        assertEquals(List.of("a", "b", "c", "d"), report.annotators());
        assertEquals(0.743, report.alpha().value(), 0.0005);
        assertEquals(6, report.pairs().size());
        // a and b share units 1-9 and differ only on unit 6 (1 vs 2)
        AgreementFigure ab = report.pairs().get(0).kappa();
        assertEquals(9, ab.quotes());
        assertTrue(ab.value() > 0.8 && ab.value() < 1, ab.format());
        assertEquals(2, report.batches().size());
        assertEquals(5, report.perClass().size());
        // the units whose labels differ: 2, 6 and 8 (unit 10 is 5, 5, 5; unit 12 has one label)
        assertEquals(List.of(101L, 105L, 107L), report.disagreeingQuoteIds());
        assertEquals(report.lowestBatches(2).get(0).alpha().value(),
                Math.min(report.batches().get(0).alpha().value(), report.batches().get(1).alpha().value()));
    }

    @Test
    void classZeroIsItsOwnClassAndComesFirst() {
        List<Rating> r = ratings(List.of("ann", "bob"), 1,
                new String[] {"0", "BATTERY", "SCREEN", "0"},
                new String[] {"0", "BATTERY", "0", "0"});
        AgreementReport report = AgreementReport.of(r, Bootstrap.standard());
        assertEquals(List.of("0", "BATTERY", "SCREEN"), report.classes());
        assertEquals("0", report.perClass().get(0).value());
        assertEquals(1, report.disagreements().size());
        assertEquals(label("SCREEN"), report.disagreements().get(0).labels().get("ann"));
        assertEquals(1.0, report.perClass().get(1).alpha().value(), 1e-12, "BATTERY against the rest: perfect");
    }

    @Test
    void aSingleAnnotatorGivesNoFigureAndSaysWhy() {
        List<Rating> r = ratings(List.of("ann"), 1, new String[] {"0", "BATTERY"});
        AgreementReport report = AgreementReport.of(r, Bootstrap.standard());
        assertFalse(report.alpha().present());
        assertTrue(report.alpha().reason().contains("only ann"), report.alpha().reason());
        assertTrue(report.pairs().isEmpty());
        assertTrue(report.perClass().stream().noneMatch(c -> c.alpha().present()));
        assertFalse(AgreementReport.of(List.of(), Bootstrap.standard()).alpha().present());
    }

    @Test
    void perfectAgreementOnSeveralClassesIsOneEverywhere() {
        List<Rating> r = ratings(List.of("ann", "bob"), 2,
                new String[] {"0", "BATTERY", "SCREEN", "0"},
                new String[] {"0", "BATTERY", "SCREEN", "0"});
        AgreementReport report = AgreementReport.of(r, Bootstrap.standard());
        assertEquals(1.0, report.alpha().value(), 1e-12);
        assertEquals(1.0, report.pairs().get(0).kappa().value(), 1e-12);
        assertTrue(report.disagreements().isEmpty());
    }
}

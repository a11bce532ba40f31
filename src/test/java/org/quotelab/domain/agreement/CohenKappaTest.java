package org.quotelab.domain.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quotelab.domain.metrics.Bootstrap;

class CohenKappaTest {

    /** Two annotators' yes (1) / no (0) from a 2x2 table: both yes, a yes b no, a no b yes, both no. */
    private static AgreementFigure table(int yesYes, int yesNo, int noYes, int noNo) {
        int n = yesYes + yesNo + noYes + noNo;
        int[] a = new int[n];
        int[] b = new int[n];
        int i = 0;
        for (int[] cell : new int[][] {{1, 1, yesYes}, {1, 0, yesNo}, {0, 1, noYes}, {0, 0, noNo}}) {
            for (int k = 0; k < cell[2]; k++, i++) {
                a[i] = cell[0];
                b[i] = cell[1];
            }
        }
        return CohenKappa.of(a, b, 2, "a and b", Bootstrap.standard());
    }

    @Test
    void textbookTablesGiveTheirKappa() {
        // the worked examples of the usual textbook presentation (e.g. the Cohen's kappa article):
        // 50 items, 20/5/10/15: p_o = 0.70, p_e = 0.50, kappa = 0.40
        AgreementFigure k = table(20, 5, 10, 15);
        assertEquals(0.40, k.value(), 1e-9);
        assertEquals(50, k.quotes());
        assertEquals(100, k.values());
        // equal observed agreement (0.60), different marginals: 0.1304 and 0.2593
        assertEquals(0.1304, table(45, 15, 25, 15).value(), 0.00005);
        assertEquals(0.2593, table(25, 35, 5, 35).value(), 0.00005);
        assertTrue(k.estimate().ci().lo() < 0.40 && 0.40 < k.estimate().ci().hi());
    }

    @Test
    void perfectAgreementIsOneAndASingleSharedClassHasNoFigure() {
        assertEquals(1.0, table(10, 0, 0, 10).value(), 1e-12);
        AgreementFigure same = table(10, 0, 0, 0);
        assertFalse(same.present());
        assertTrue(same.reason().contains("a and b"), same.reason());
        AgreementFigure none = CohenKappa.of(new int[0], new int[0], 2, "a and b", Bootstrap.standard());
        assertFalse(none.present());
        assertTrue(none.reason().contains("no quote in common"), none.reason());
    }
}

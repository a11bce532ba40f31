package org.quotelab.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The bench's own textbook recomputation must hit the published figures, or its check means nothing. */
class TeamAgreementCheckTest {

    /** Rows are observers, columns units; null = missing. */
    private static Map<Long, Map<String, String>> units(String[]... observers) {
        Map<Long, Map<String, String>> out = new TreeMap<>();
        for (int o = 0; o < observers.length; o++) {
            for (int u = 0; u < observers[o].length; u++) {
                if (observers[o][u] != null) {
                    out.computeIfAbsent((long) u, k -> new TreeMap<>()).put("o" + o, observers[o][u]);
                }
            }
        }
        return out;
    }

    @Test
    void alphaOfKrippendorffsFourObserverExampleIs0743() {
        String m = null;
        var data = units(
                new String[] {"1", "2", "3", "3", "2", "1", "4", "1", "2", m, m, m},
                new String[] {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", m, "3"},
                new String[] {m, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", m},
                new String[] {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", m});
        assertEquals(0.743, TeamAgreementCheck.alpha(data), 0.0005);
    }

    @Test
    void kappaOfATwoByTwoTableMatchesTheTextbook() {
        // 50 units: both yes 20, a yes b no 5, a no b yes 10, both no 15: po 0.70, pe 0.50, kappa 0.40
        String[] a = new String[50];
        String[] b = new String[50];
        for (int i = 0; i < 50; i++) {
            a[i] = i < 25 ? "yes" : "no";
            b[i] = i < 20 || (i >= 25 && i < 35) ? "yes" : "no";
        }
        var data = units(a, b);
        assertEquals(0.40, TeamAgreementCheck.kappa(data, "o0", "o1"), 1e-12);
        assertTrue(Double.isNaN(TeamAgreementCheck.kappa(data, "o0", "nobody")));
    }
}

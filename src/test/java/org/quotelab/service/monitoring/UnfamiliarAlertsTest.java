package org.quotelab.service.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.unfamiliar.UnfamiliarShare;

class UnfamiliarAlertsTest {

    @Test
    void alertsOnABatchWithClearlyMoreUnfamiliarQuotesThanExpected() {
        UnfamiliarAlerts alerts = new UnfamiliarAlerts(0.05);
        for (int i = 0; i < 200; i++) {
            alerts.add(1, prediction(i, i < 12)); // 6 %: noise around the expected 5 %
            alerts.add(2, prediction(i, i < 60)); // 30 %: a batch of other text
            alerts.add(3, prediction(i, null)); // a stage 1 without statistics: unknown
            alerts.add(3, null); // not scored
        }
        Map<Long, UnfamiliarShare> shares = alerts.shares();
        assertEquals(12, shares.get(1L).flagged());
        assertEquals(200, shares.get(1L).n());
        assertFalse(shares.get(1L).alert());
        assertTrue(shares.get(2L).alert());
        assertFalse(shares.containsKey(3L), "no known scores: no figure rather than 0 %");
    }

    @Test
    void aStage1WithoutStatisticsExpectsTheDefaultShare(@TempDir Path dir) {
        UnfamiliarAlerts alerts = UnfamiliarAlerts.forStage1(dir);
        alerts.add(1, prediction(1, true));
        assertEquals(0.05, alerts.shares().get(1L).expected(), 1e-12);
    }

    private static Prediction prediction(long id, Boolean flagged) {
        return new Prediction(id, 1, 2L, 0.9, Map.of(), 1, "T1", 0.9)
                .withUnfamiliar(flagged == null ? null : flagged ? 60.0 : 20.0, flagged);
    }
}

package org.quotelab.domain.unfamiliar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnfamiliarShareTest {

    @Test
    void wilsonIntervalMatchesTheFormula() {
        // numpy with the Wilson score formula, z = 1.959964
        assertArrayEquals(new double[] {0.0552291370606751, 0.17436566150491345},
                new UnfamiliarShare(10, 100, 0.05).interval(), 1e-12);
        assertArrayEquals(new double[] {0.0, 0.16112515805281938}, new UnfamiliarShare(0, 20, 0.05).interval(), 1e-12);
    }

    @Test
    void alertsOnlyWhenTheLowerBoundIsClearlyAboveTheExpectedShare() {
        assertFalse(new UnfamiliarShare(10, 100, 0.05).alert(), "10 % of 100 is within noise of 5 %");
        assertFalse(new UnfamiliarShare(3, 5, 0.05).alert(), "3 of 5 is too few quotes to tell");
        assertTrue(new UnfamiliarShare(15, 30, 0.05).alert(), "half of 30 quotes is");
        assertTrue(new UnfamiliarShare(30, 100, 0.05).alert(), "lower bound 0.219 is well above 0.10");
        assertFalse(new UnfamiliarShare(0, 0, 0.05).alert());
        assertTrue(Double.isNaN(new UnfamiliarShare(0, 0, 0.05).share()));
        assertEquals("30 of 100 quotes unfamiliar (30.0 %, 95 % CI 21.9-39.6 %; expected about 5 %)",
                new UnfamiliarShare(30, 100, 0.05).describe());
    }
}

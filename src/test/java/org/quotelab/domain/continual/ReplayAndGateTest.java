package org.quotelab.domain.continual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReplayAndGateTest {

    private static List<ReplayMemory.Entry> batch(long start, int n, int label) {
        List<ReplayMemory.Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ReplayMemory.Entry(start + i, label));
        }
        return out;
    }

    @Test
    void reservoirIsUniformOverEverythingSeen() {
        // Over many seeds, each of 1000 items should be kept about capacity/1000 of the time.
        int[] kept = new int[1000];
        for (long seed = 0; seed < 400; seed++) {
            ReplayMemory m = ReplayMemory.empty(50, ReplayMemory.Selection.RESERVOIR);
            for (int b = 0; b < 10; b++) {
                m.offer(batch(b * 100L, 100, 0), seed * 31 + b);
            }
            assertEquals(50, m.entries().size());
            for (ReplayMemory.Entry e : m.entries()) {
                kept[(int) e.quoteId()]++;
            }
        }
        int firstHalf = 0;
        for (int i = 0; i < 500; i++) {
            firstHalf += kept[i];
        }
        // Expected 10,000 of 20,000 picks in the first half; allow 3 percent.
        assertEquals(10000, firstHalf, 600);
    }

    @Test
    void classBalancedKeepsRareClassesWhole() {
        ReplayMemory m = ReplayMemory.empty(30, ReplayMemory.Selection.CLASS_BALANCED);
        m.offer(batch(0, 100, 0), 1);
        m.offer(batch(1000, 4, 1), 2);
        m.offer(batch(2000, 50, 2), 3);
        Map<Integer, Long> counts = m.entries().stream()
                .collect(Collectors.groupingBy(ReplayMemory.Entry::label, Collectors.counting()));
        assertEquals(4L, counts.get(1));
        assertEquals(13L, counts.get(0));
        assertEquals(13L, counts.get(2));
        assertEquals(154, m.seen());
    }

    @Test
    void gateHoldsRecentMetricAndBackwardTransfer() {
        PromotionGate gate = PromotionGate.defaults();
        assertTrue(gate.decide(0.80, 0.81, -0.005).promote());
        PromotionGate.Decision worse = gate.decide(0.80, 0.79, 0.0);
        assertFalse(worse.promote());
        assertTrue(worse.reason().contains("recent metric fell"), worse.reason());
        PromotionGate.Decision forgets = gate.decide(0.80, 0.85, -0.02);
        assertFalse(forgets.promote());
        assertTrue(forgets.reason().contains("backward transfer"), forgets.reason());
    }
}

package org.quotelab.ml.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    private static int[] lengths(int n) {
        Random r = new Random(3);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = 3 + (r.nextInt(10) == 0 ? r.nextInt(120) : r.nextInt(25));
        }
        return out;
    }

    private static long paddedTokens(List<int[]> batches, int[] lengths) {
        long total = 0;
        for (int[] b : batches) {
            total += (long) b.length * Arrays.stream(b).map(i -> lengths[i]).max().orElse(0);
        }
        return total;
    }

    @Test
    void everyExampleOnceAndFarLessPadding() {
        int[] lengths = lengths(2000);
        List<int[]> bucketed = BatchPlanner.trainingBatches(lengths, 16, PaddingMode.LENGTH_BUCKETS, new Random(1));
        List<int[]> random = BatchPlanner.trainingBatches(lengths, 16, PaddingMode.FIXED, new Random(1));
        int[] seen = new int[lengths.length];
        bucketed.forEach(b -> Arrays.stream(b).forEach(i -> seen[i]++));
        assertTrue(Arrays.stream(seen).allMatch(c -> c == 1));
        assertEquals(125, bucketed.size());
        long real = Arrays.stream(lengths).sum();
        assertTrue(paddedTokens(bucketed, lengths) < real * 1.1, "bucketed batches carry little padding");
        assertTrue(paddedTokens(random, lengths) > real * 2, "random batches carry a lot");
    }

    @Test
    void sameSeedSamePlanAndEpochsDiffer() {
        int[] lengths = lengths(500);
        Random a = new Random(9);
        Random b = new Random(9);
        List<int[]> a1 = BatchPlanner.trainingBatches(lengths, 16, PaddingMode.LENGTH_BUCKETS, a);
        List<int[]> b1 = BatchPlanner.trainingBatches(lengths, 16, PaddingMode.LENGTH_BUCKETS, b);
        assertTrue(Arrays.deepEquals(a1.toArray(), b1.toArray()));
        List<int[]> a2 = BatchPlanner.trainingBatches(lengths, 16, PaddingMode.LENGTH_BUCKETS, a);
        assertTrue(!Arrays.deepEquals(a1.toArray(), a2.toArray()));
    }
}

package org.quotelab.ml.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Decides which examples go together in each batch. Review quotes are short (median about
 * 15 tokens) but a few are long: padding every batch to 128 tokens wastes most of the matrix work.
 * Length mode shuffles, cuts the shuffled list into pools of {@value #POOL_BATCHES} batches, sorts
 * each pool by length, cuts it into batches and shuffles the batches: batches hold quotes of
 * similar length yet stay random from epoch to epoch.
 */
public final class BatchPlanner {

    static final int POOL_BATCHES = 50;

    private BatchPlanner() {
    }

    /** Batches of example indexes for one training epoch; the same random state gives the same plan. */
    public static List<int[]> trainingBatches(int[] lengths, int batchSize, PaddingMode mode, Random random) {
        List<Integer> order = new ArrayList<>(lengths.length);
        for (int i = 0; i < lengths.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        if (mode == PaddingMode.LENGTH_BUCKETS) {
            int pool = batchSize * POOL_BATCHES;
            for (int start = 0; start < order.size(); start += pool) {
                // A stable sort keeps the shuffled order among equal lengths.
                order.subList(start, Math.min(order.size(), start + pool))
                        .sort(Comparator.comparingInt(i -> lengths[i]));
            }
        }
        List<int[]> batches = cut(order, batchSize);
        if (mode == PaddingMode.LENGTH_BUCKETS) {
            Collections.shuffle(batches, random);
        }
        return batches;
    }

    /** Batches for scoring: sorted by length, no randomness; callers put results back by index. */
    public static List<int[]> inferenceBatches(int[] lengths, int batchSize) {
        Integer[] order = new Integer[lengths.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
        return cut(Arrays.asList(order), batchSize);
    }

    private static List<int[]> cut(List<Integer> order, int batchSize) {
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start += batchSize) {
            List<Integer> part = order.subList(start, Math.min(order.size(), start + batchSize));
            batches.add(part.stream().mapToInt(Integer::intValue).toArray());
        }
        return batches;
    }

    public static int[] lengths(List<EncodedExample> examples) {
        return examples.stream().mapToInt(EncodedExample::length).toArray();
    }
}

package org.quotelab.ml.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded stratified hold-out: the validation slice that picks the best epoch, never the test set. */
public final class DataSplit {

    private DataSplit() {
    }

    /** Returns {trainIndexes, validationIndexes}; every class keeps about {@code fraction} of its rows aside. */
    public static int[][] stratified(int[] labels, int numClasses, double fraction, long seed) {
        if (fraction <= 0) {
            int[] all = new int[labels.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return new int[][] {all, new int[0]};
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            // At least one validation row per class that has two or more, so rare classes are scored.
            int held = members.size() < 2 ? 0 : Math.max(1, (int) Math.round(members.size() * fraction));
            valid.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        Collections.sort(train);
        Collections.sort(valid);
        return new int[][] {train.stream().mapToInt(Integer::intValue).toArray(),
            valid.stream().mapToInt(Integer::intValue).toArray()};
    }

    public static <T> List<T> select(List<T> items, int[] indexes) {
        List<T> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(items.get(i));
        }
        return out;
    }
}

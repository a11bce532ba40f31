package org.quotelab.domain.cascade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Stratified k-fold assignment for cross-fitting: every class spread evenly over the folds. */
public final class Folds {

    private Folds() {
    }

    /** fold[i] in [0, k) for each example, with each class's members dealt round-robin after a seeded shuffle. */
    public static int[] stratified(int[] labels, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-fitting needs at least 2 folds, got " + k);
        }
        Map<Integer, List<Integer>> byClass = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byClass.computeIfAbsent(labels[i], c -> new ArrayList<>()).add(i);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] fold = new int[labels.length];
        int offset = 0;
        for (int c : byClass.keySet().stream().sorted().toList()) {
            List<Integer> members = byClass.get(c);
            for (int i = members.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            // Continue the deal where the previous class stopped so fold sizes stay balanced.
            for (int i = 0; i < members.size(); i++) {
                fold[members.get(i)] = (offset + i) % k;
            }
            offset = (offset + members.size()) % k;
        }
        return fold;
    }
}

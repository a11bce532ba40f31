package org.quotelab.domain.cascade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Stage2AndFoldsTest {

    @Test
    void keepsStage1PositivesAndTurnsFalsePositivesIntoClassZero() {
        int[] truth = {2, 0, 1, 0, 3};
        boolean[] passed = {true, true, false, false, true};
        List<Stage2TrainingSet.Example> set = Stage2TrainingSet.build(truth, passed);
        assertEquals(List.of(new Stage2TrainingSet.Example(0, 2), new Stage2TrainingSet.Example(1, 0),
                new Stage2TrainingSet.Example(4, 3)), set);
        assertEquals(1, Stage2TrainingSet.class0Count(set));
    }

    @Test
    void foldsAreStratifiedBalancedAndSeeded() {
        int[] labels = new int[103];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10 == 0 ? 1 : 0;
        }
        int[] folds = Folds.stratified(labels, 5, 42);
        int[] sizes = new int[5];
        int[] rare = new int[5];
        for (int i = 0; i < labels.length; i++) {
            sizes[folds[i]]++;
            if (labels[i] == 1) {
                rare[folds[i]]++;
            }
        }
        for (int f = 0; f < 5; f++) {
            assertTrue(sizes[f] == 20 || sizes[f] == 21, "fold " + f + " has " + sizes[f]);
            assertTrue(rare[f] >= 2 && rare[f] <= 3, "fold " + f + " has " + rare[f] + " rare");
        }
        assertArrayEquals(folds, Folds.stratified(labels, 5, 42));
    }
}

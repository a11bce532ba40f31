package org.quotelab.domain.cascade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.metrics.ClassificationReport;

class ThresholdSweepTest {

    private static final double EPS = 1e-12;

    // Topics A (1) and B (2). Columns: P(in-topic), stage-2 argmax, truth.
    private final CascadeScores scores = new CascadeScores(List.of("A", "B"),
            new double[] {0.9, 0.8, 0.3, 0.7, 0.6, 0.2, 0.95, 0.5},
            new int[] {1, 2, 1, 0, 2, 2, 2, 0},
            new int[] {1, 1, 1, 0, 0, 0, 2, 2},
            2);

    @Test
    void everyFigureAtThresholdHalfMatchesHandComputation() {
        SweepPoint p = ThresholdSweep.run(scores, new double[] {0.0, 0.5, 0.75}).get(1);
        // Passed: quotes 0,1,3,4,6,7 (quote 7 sits exactly on the threshold and passes).
        assertEquals(6, p.passed());
        assertEquals(3.0, p.passedPerDay(), EPS);
        assertEquals(4.0 / 6, p.stage1Precision(), EPS);
        assertEquals(4.0 / 5, p.stage1Recall(), EPS);
        assertEquals(2 * (4.0 / 6) * (4.0 / 5) / (4.0 / 6 + 4.0 / 5), p.stage1F1(), EPS);
        assertEquals(5.0 / 8, p.stage1Accuracy(), EPS);
        assertEquals(0.5, p.class0Recall(), EPS);
        assertEquals(0.5, p.class0Precision(), EPS);
        assertEquals(2.0 / 3, p.outOfTopicRecall(), EPS);
        assertEquals(0.5, p.endToEndAccuracy(), EPS);
        assertEquals((4.0 / 7 + 0.5 + 0.4) / 3, p.endToEndMacroF1(), EPS);
        assertArrayEquals(new double[] {1.0 / 3, 0.0}, p.topicRecallLost(), EPS);
    }

    @Test
    void zeroThresholdPassesAllAndHighThresholdRejectsOutOfTopicQuotes() {
        List<SweepPoint> sweep = ThresholdSweep.run(scores, new double[] {0.0, 0.5, 0.75});
        SweepPoint all = sweep.get(0);
        assertEquals(8, all.passed());
        assertEquals(1.0, all.stage1Recall(), EPS);
        assertEquals(1.0 / 3, all.class0Recall(), EPS);
        SweepPoint high = sweep.get(2);
        assertEquals(3, high.passed());
        assertEquals(1.0, high.outOfTopicRecall(), EPS);
        assertEquals(0.0, high.class0Recall(), EPS);
        assertArrayEquals(new double[] {1.0 / 3, 0.5}, high.topicRecallLost(), EPS);
    }

    @Test
    void incrementalSweepEqualsDirectEvaluationOnRandomData() {
        Random rnd = new Random(3);
        int n = 5000;
        double[] p = new double[n];
        int[] s2 = new int[n];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = rnd.nextInt(5);
            p[i] = Math.min(1, Math.max(0, (truth[i] == 0 ? 0.3 : 0.7) + rnd.nextGaussian() * 0.25));
            s2[i] = rnd.nextDouble() < 0.6 ? truth[i] : rnd.nextInt(5);
        }
        CascadeScores s = new CascadeScores(List.of("a", "b", "c", "d"), p, s2, truth, 5);
        double[] grid = ThresholdSweep.grid(100);
        List<SweepPoint> sweep = ThresholdSweep.run(s, grid);
        for (int j = 0; j < grid.length; j += 7) {
            ClassificationReport direct = ThresholdSweep.report(s, grid[j]);
            SweepPoint point = sweep.get(j);
            assertEquals(direct.accuracy(), point.endToEndAccuracy(), 1e-12);
            assertEquals(direct.macro().f1(), point.endToEndMacroF1(), 1e-12);
            assertEquals(direct.classes().get(0).recall(), point.outOfTopicRecall(), 1e-12);
            long passed = 0;
            for (double v : p) {
                if (v >= grid[j]) {
                    passed++;
                }
            }
            assertEquals(passed, point.passed());
        }
    }

    @Test
    void objectivesPickTheBestAllowedPoint() {
        List<SweepPoint> sweep = ThresholdSweep.run(scores, ThresholdSweep.grid(20));
        SweepPoint best = ThresholdObjective.BEST_MACRO_F1.recommend(sweep, 0).orElseThrow();
        for (SweepPoint p : sweep) {
            assertTrue(p.endToEndMacroF1() <= best.endToEndMacroF1());
        }
        SweepPoint safe = ThresholdObjective.MAX_TOPIC_RECALL_LOST.recommend(sweep, 0.0).orElseThrow();
        assertEquals(0.0, safe.maxTopicRecallLost(), EPS);
        assertTrue(safe.threshold() <= 0.3);
        SweepPoint out = ThresholdObjective.MIN_OUT_OF_TOPIC_RECALL.recommend(sweep, 1.0).orElseThrow();
        assertEquals(1.0, out.outOfTopicRecall(), EPS);
        // Only between 0.6 and 0.7 is the one passed out-of-topic quote the class-0 catch (quote 3).
        SweepPoint c0 = ThresholdObjective.MIN_CLASS0_RECALL.recommend(sweep, 0.9).orElseThrow();
        assertEquals(1.0, c0.class0Recall(), EPS);
        assertTrue(c0.threshold() > 0.6 && c0.threshold() <= 0.7, "threshold " + c0.threshold());
        assertFalse(ThresholdObjective.MIN_OUT_OF_TOPIC_RECALL.recommend(sweep, 1.01).isPresent());
    }

    @Test
    void decisionMergesStagesIntoOneConfidence() {
        CascadeDecision rejected = CascadeDecision.decide(0.2, new double[] {0.1, 0.6, 0.3}, 0.5);
        assertTrue(rejected.rejectedAtStage1());
        assertEquals(0, rejected.finalClass());
        assertEquals(0.8 + 0.2 * 0.1, rejected.confidence(), EPS);
        CascadeDecision topic = CascadeDecision.decide(0.9, new double[] {0.1, 0.6, 0.3}, 0.5);
        assertEquals(1, topic.finalClass());
        assertEquals(0.9 * 0.6, topic.confidence(), EPS);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ThresholdSweep.run(scores, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> new CascadeScores(List.of("A"),
                new double[] {1.5}, new int[] {0}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new CascadeScores(List.of("A"),
                new double[] {0.5}, new int[] {2}, new int[] {0}, 1));
    }
}

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

    // Topics A (1) and B (2). Columns: P(in-topic), stage-2 P(class 0), stage-2 argmax, truth.
    private final CascadeScores scores = new CascadeScores(List.of("A", "B"),
            new double[] {0.9, 0.8, 0.3, 0.7, 0.6, 0.2, 0.95, 0.5},
            new double[] {0.1, 0.3, 0.2, 0.6, 0.45, 0.05, 0.2, 0.7},
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
    void class0ThresholdTurnsConfidentEnoughQuotesIntoClass0() {
        SweepPoint p = ThresholdSweep.run(scores, new double[] {0.5}, 0.4).get(0);
        // Passed: 0,1,3,4,6,7. Quote 4 (out-of-topic, argmax B, P(class 0) 0.45) is now class 0; quote 1 (0.3) is not.
        assertEquals(0.4, p.class0Threshold(), EPS);
        assertEquals(1.0, p.class0Recall(), EPS);
        assertEquals(2.0 / 3, p.class0Precision(), EPS);
        assertEquals(1.0, p.outOfTopicRecall(), EPS);
        // Stage 1 does not change with the class-0 threshold.
        SweepPoint argmax = ThresholdSweep.run(scores, new double[] {0.5}).get(0);
        assertEquals(argmax.stage1Accuracy(), p.stage1Accuracy(), EPS);
        assertEquals(CascadeDecision.ARGMAX_ONLY, argmax.class0Threshold(), EPS);
        // out-of-topic predicted {2,3,4,5,7}: P 3/5 R 1; A predicted {0}: P 1 R 1/3; B predicted {1,6}: P 1/2 R 1/2
        double f1Out = 2 * 0.6 * 1.0 / 1.6;
        double f1A = 2 * 1.0 * (1.0 / 3) / (1 + 1.0 / 3);
        double f1B = 2 * 0.5 * 0.5 / 1.0;
        assertEquals((f1Out + f1A + f1B) / 3, p.endToEndMacroF1(), EPS);
        assertEquals(p.endToEndMacroF1(), ThresholdSweep.report(scores, 0.5, 0.4).macro().f1(), EPS);
    }

    @Test
    void class0ObjectiveLowersOnlyTheClass0ThresholdAndOnlyAsFarAsNeeded() {
        double[] grid = ThresholdSweep.grid(20);
        // At stage-1 threshold 0.5 the passed out-of-topic quotes are 3 (class 0 by argmax) and 4 (P(class 0) 0.45).
        SweepPoint half = ThresholdSweep.recommend(scores, grid, OperatingPoint.argmax(0.5),
                ThresholdObjective.MIN_CLASS0_RECALL, 0.5).orElseThrow();
        assertEquals(CascadeDecision.ARGMAX_ONLY, half.class0Threshold(), EPS);
        SweepPoint all = ThresholdSweep.recommend(scores, grid, OperatingPoint.argmax(0.5),
                ThresholdObjective.MIN_CLASS0_RECALL, 0.9).orElseThrow();
        assertEquals(0.5, all.threshold(), EPS);
        assertEquals(0.45, all.class0Threshold(), EPS);
        assertEquals(1.0, all.class0Recall(), EPS);
        // Stage-1 objectives move the stage-1 threshold at the class-0 threshold in force.
        SweepPoint best = ThresholdSweep.recommend(scores, grid, new OperatingPoint(0.5, 0.4),
                ThresholdObjective.BEST_MACRO_F1, 0).orElseThrow();
        assertEquals(0.4, best.class0Threshold(), EPS);
        for (SweepPoint p : ThresholdSweep.run(scores, grid, 0.4)) {
            assertTrue(p.endToEndMacroF1() <= best.endToEndMacroF1());
        }
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
        double[] p0 = new double[n];
        int[] s2 = new int[n];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = rnd.nextInt(5);
            p[i] = Math.min(1, Math.max(0, (truth[i] == 0 ? 0.3 : 0.7) + rnd.nextGaussian() * 0.25));
            s2[i] = rnd.nextDouble() < 0.6 ? truth[i] : rnd.nextInt(5);
            p0[i] = s2[i] == 0 ? 0.4 + 0.6 * rnd.nextDouble() : 0.5 * rnd.nextDouble();
        }
        CascadeScores s = new CascadeScores(List.of("a", "b", "c", "d"), p, p0, s2, truth, 5);
        double[] grid = ThresholdSweep.grid(100);
        List<SweepPoint> sweep = ThresholdSweep.run(s, grid, 0.3);
        for (int j = 0; j < grid.length; j += 7) {
            ClassificationReport direct = ThresholdSweep.report(s, grid[j], 0.3);
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
        CascadeDecision rejected = CascadeDecision.decide(0.2, new double[] {0.1, 0.6, 0.3}, 0.5, 1.0);
        assertTrue(rejected.rejectedAtStage1());
        assertEquals(0, rejected.finalClass());
        assertEquals(0.8 + 0.2 * 0.1, rejected.confidence(), EPS);
        CascadeDecision topic = CascadeDecision.decide(0.9, new double[] {0.1, 0.6, 0.3}, 0.5, 1.0);
        assertEquals(1, topic.finalClass());
        assertEquals(0.9 * 0.6, topic.confidence(), EPS);
    }

    @Test
    void class0ThresholdOverridesATopicArgmax() {
        double[] q = {0.35, 0.4, 0.25};
        assertEquals(1, OperatingPoint.argmax(0.5).decide(0.9, q).finalClass());
        CascadeDecision filtered = new OperatingPoint(0.5, 0.3).decide(0.9, q);
        assertEquals(0, filtered.finalClass());
        assertFalse(filtered.rejectedAtStage1());
        assertEquals(0.1 + 0.9 * 0.35, filtered.confidence(), EPS);
        assertEquals(1, new OperatingPoint(0.5, 0.36).decide(0.9, q).finalClass());
        assertThrows(IllegalArgumentException.class, () -> new OperatingPoint(0.5, 0));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ThresholdSweep.run(scores, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> new CascadeScores(List.of("A"),
                new double[] {1.5}, new double[] {0}, new int[] {0}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new CascadeScores(List.of("A"),
                new double[] {0.5}, new double[] {0}, new int[] {2}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new CascadeScores(List.of("A"),
                new double[] {0.5}, new double[] {-0.1}, new int[] {0}, new int[] {0}, 1));
    }
}

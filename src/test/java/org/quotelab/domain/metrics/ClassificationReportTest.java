package org.quotelab.domain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    private static final double EPS = 1e-12;

    // Worked by hand: truth  = [0,0,0,1,1,2,2,2,2,1]
    //                 pred   = [0,1,0,1,2,2,2,0,2,1]
    // matrix rows (truth) x cols (pred): [[2,1,0],[0,2,1],[1,0,3]]
    private final int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2, 1};
    private final int[] pred = {0, 1, 0, 1, 2, 2, 2, 0, 2, 1};
    private final List<String> labels = List.of("a", "b", "c");

    @Test
    void matrixCountsPairs() {
        ConfusionMatrix m = ConfusionMatrix.of(truth, pred, labels);
        assertEquals(2, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(1, m.count(1, 2));
        assertEquals(1, m.count(2, 0));
        assertEquals(3, m.count(2, 2));
        assertEquals(10, m.total());
        assertEquals(7, m.correct());
        assertEquals(0.7, m.accuracy(), EPS);
        assertEquals(4, m.support(2));
        assertEquals(3, m.predictedCount(0));
    }

    @Test
    void perClassFiguresMatchHandComputation() {
        ClassificationReport r = ClassificationReport.of(truth, pred, labels);
        // a: tp 2, predicted 3, support 3 -> p 2/3, r 2/3
        ClassMetrics a = r.forLabel("a");
        assertEquals(2.0 / 3, a.precision(), EPS);
        assertEquals(2.0 / 3, a.recall(), EPS);
        assertEquals(2.0 / 3, a.f1(), EPS);
        // b: tp 2, predicted 3, support 3
        assertEquals(2.0 / 3, r.forLabel("b").precision(), EPS);
        // c: tp 3, predicted 4, support 4 -> p 3/4, r 3/4
        ClassMetrics c = r.forLabel("c");
        assertEquals(0.75, c.precision(), EPS);
        assertEquals(0.75, c.recall(), EPS);
        assertEquals(4, c.support());
        assertEquals((2.0 / 3 + 2.0 / 3 + 0.75) / 3, r.macro().f1(), EPS);
        assertEquals((2.0 / 3 * 3 + 2.0 / 3 * 3 + 0.75 * 4) / 10, r.weighted().f1(), EPS);
        assertEquals(0.7, r.accuracy(), EPS);
    }

    @Test
    void unequalPrecisionAndRecall() {
        // truth [1,1,1,0], pred [1,0,0,0]: class 1 p=1, r=1/3, f1=0.5; class 0 p=1/3, r=1, f1=0.5
        ClassificationReport r = ClassificationReport.of(new int[] {1, 1, 1, 0}, new int[] {1, 0, 0, 0}, List.of("n", "y"));
        assertEquals(1.0, r.forLabel("y").precision(), EPS);
        assertEquals(1.0 / 3, r.forLabel("y").recall(), EPS);
        assertEquals(0.5, r.forLabel("y").f1(), EPS);
        assertEquals(1.0 / 3, r.forLabel("n").precision(), EPS);
        assertEquals(0.5, r.macro().f1(), EPS);
    }

    @Test
    void classNeverPredictedAndAbsentCountsAsZero() {
        ClassificationReport r = ClassificationReport.of(new int[] {0, 0}, new int[] {0, 0}, List.of("x", "y"));
        ClassMetrics y = r.forLabel("y");
        assertEquals(0.0, y.precision(), EPS);
        assertEquals(0.0, y.recall(), EPS);
        assertEquals(0, y.support());
        assertEquals(0.5, r.macro().f1(), EPS);
        assertEquals(1.0, r.weighted().f1(), EPS);
    }

    @Test
    void rejectsOutOfRangeAndMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}, labels));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, labels));
        assertTrue(e.getMessage().contains("position 1"), e.getMessage());
    }

    @Test
    void formatListsEveryClassAndAverages() {
        String text = ClassificationReport.of(truth, pred, labels).format();
        assertTrue(text.contains("macro avg"));
        assertTrue(text.contains("weighted avg"));
        assertTrue(text.contains("0.7000"));
        assertEquals(1.0, ConfusionMatrix.of(truth, pred, labels).rowNormalized()[1][0]
                + ConfusionMatrix.of(truth, pred, labels).rowNormalized()[1][1]
                + ConfusionMatrix.of(truth, pred, labels).rowNormalized()[1][2], EPS);
    }
}

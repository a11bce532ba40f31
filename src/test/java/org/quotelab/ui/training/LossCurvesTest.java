package org.quotelab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The loss chart's series per phase and TensorBoard's debiased moving average. */
class LossCurvesTest {

    @Test
    void eachPhaseOfAJobHasItsOwnSeriesAndTheFoldsShareOne() {
        assertEquals("stage 1", LossCurves.series("stage 1: 2,494 labelled quotes = 2,120 to train + 374 held out"));
        assertEquals("cross-fitting folds", LossCurves.series("cross-fitting stage 1: fold 1 of 3"));
        assertEquals("cross-fitting folds", LossCurves.series("cross-fitting stage 1: fold 3 of 3"));
        assertEquals("stage 2", LossCurves.series("stage 2: fine-tuning on 1713 quotes (120 not pertinent)"));
        assertEquals("stage 1", LossCurves.series("quick start - stage 1: 2,494 labelled quotes"));
        assertEquals("training", LossCurves.series(null));
    }

    @Test
    void theSmoothedLineStartsAtTheFirstValueAndFollowsTensorBoard() {
        LossCurves.Ema ema = new LossCurves.Ema(0.6);
        // debiasing: the first smoothed point is the first value, not 40% of it
        assertEquals(2.0, ema.next(2.0), 1e-12);
        // TensorBoard: last = 0.6 * 0.8 + 0.4 * 1.0 = 0.88 (last was 0.4 * 2 = 0.8), / (1 - 0.36)
        assertEquals(0.88 / 0.64, ema.next(1.0), 1e-12);
        assertTrue(Double.isNaN(ema.next(Double.NaN)), "a missing value is passed through");
        LossCurves.Ema none = new LossCurves.Ema(0);
        assertEquals(3.0, none.next(3.0), 1e-12);
        assertEquals(5.0, none.next(5.0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LossCurves.Ema(1));
    }

    @Test
    void aSteadyLossStaysFlatAndNoiseIsDamped() {
        LossCurves.Ema ema = new LossCurves.Ema(0.6);
        double last = 0;
        for (int i = 0; i < 50; i++) {
            last = ema.next(i % 2 == 0 ? 1.2 : 0.8);
        }
        assertEquals(1.0, last, 0.15, "alternating 1.2 / 0.8 smooths towards 1.0");
    }
}

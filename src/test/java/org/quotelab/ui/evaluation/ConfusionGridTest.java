package org.quotelab.ui.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The heat map colours by row share, and errors stand out beside a strong diagonal. */
class ConfusionGridTest {

    @Test
    void aSmallConfusionIsClearlyColouredAndEmptyCellsStayEmpty() {
        double[][] share = {{0.95, 0.05, 0.0}, {0.02, 0.90, 0.08}, {0.0, 0.0, 1.0}};
        double worst = ConfusionGrid.worstError(share);
        assertEquals(0.08, worst, 1e-12);
        Color empty = ConfusionGrid.colour(0, false, worst);
        Color small = ConfusionGrid.colour(0.02, false, worst);
        Color big = ConfusionGrid.colour(0.08, false, worst);
        assertNotEquals(empty, small, "a 2 % confusion is visible");
        assertTrue(saturation(small) > 0.15, "tinted, not near-white: " + small);
        assertTrue(saturation(big) > saturation(small), "the worst confusion is the strongest");
        // errors and the diagonal differ in hue
        Color diagonal = ConfusionGrid.colour(0.95, true, worst);
        assertTrue(Math.abs(diagonal.getHue() - big.getHue()) > 90, diagonal.getHue() + " vs " + big.getHue());
        assertEquals(empty, ConfusionGrid.colour(0.0, true, worst));
    }

    private static double saturation(Color c) {
        return c.getSaturation();
    }
}

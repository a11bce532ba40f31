package org.quotelab.domain.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OperatingPointTest {

    @Test
    void givenThresholdsReplaceTheRecommendedOnesOneByOne() {
        OperatingPoint recommended = new OperatingPoint(0.4, 0.2);
        assertEquals(recommended, recommended.orGiven(null, null));
        assertEquals(new OperatingPoint(0.7, 0.2), recommended.orGiven(0.7, null));
        assertEquals(new OperatingPoint(0.4, 1.0), recommended.orGiven(null, 1.0));
        assertThrows(IllegalArgumentException.class, () -> recommended.orGiven(1.5, null));
    }
}

package org.quotelab.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.cascade.CascadePrediction;

/** The Predicted column tells the cascade's three kinds of decision apart and says how sure it is. */
class PredictionCellTest {

    private static final java.util.List<String> TOPICS = java.util.List.of("battery", "screen");

    private static Prediction decided(double pInTopic, double q0, double qBattery, double qScreen, double threshold) {
        return CascadePrediction.decide(1, 1, 2L, pInTopic, Map.of("0", q0, "battery", qBattery, "screen", qScreen),
                TOPICS, new OperatingPoint(threshold, 1.0));
    }

    @Test
    void stageOneRejectionAndClassZeroReadDifferently() {
        PredictionCell.Decision out = PredictionCell.Decision.of(decided(0.2, 0.1, 0.8, 0.1, 0.5), 0.5);
        assertEquals("out-of-topic", out.text());
        assertEquals("decision-out", out.style());
        assertTrue(out.explanation().contains("stopped here"), out.explanation());

        PredictionCell.Decision class0 = PredictionCell.Decision.of(decided(0.9, 0.7, 0.2, 0.1, 0.5), 0.5);
        assertEquals("not pertinent", class0.text());
        assertEquals("decision-class0", class0.style());

        PredictionCell.Decision topic = PredictionCell.Decision.of(decided(0.9, 0.1, 0.8, 0.1, 0.5), 0.5);
        assertEquals("battery", topic.text());
        assertEquals("decision-topic", topic.style());
    }

    @Test
    void aTopicWithATinyInTopicProbabilityShowsItsLowConfidenceAndWhy() {
        // a low threshold lets a quote with P(in-topic) 12% through: the confidence is the joint 11%
        Prediction p = decided(0.12, 0.05, 0.05, 0.9, 0.1);
        assertEquals(1, p.predictedLabel());
        assertEquals("screen  11%", Labels.prediction(p, 0.1));
        PredictionCell.Decision d = PredictionCell.Decision.of(p, 0.1);
        assertTrue(d.explanation().contains("P(in-topic) 12%, threshold 10%"), d.explanation());
    }

    @Test
    void percentagesNeverRoundToAFalseCertainty() {
        assertEquals("<1%", Labels.percent(0.001));
        assertEquals(">99%", Labels.percent(0.999));
        assertEquals("0%", Labels.percent(0));
        assertEquals("100%", Labels.percent(1));
        assertEquals("42%", Labels.percent(0.42));
    }
}

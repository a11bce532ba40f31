package org.quotelab.domain.cascade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.quote.Prediction;

/** Scoring and re-deciding take the same decision from the same probabilities. */
class CascadePredictionTest {
    private static final List<String> TOPICS = List.of("battery", "screen");

    @Test
    void decidesFromTheStoredDistributionAndRedecidesAtAnotherPoint() {
        double[] q = {0.3, 0.6, 0.1};
        Map<String, Double> probabilities = CascadePrediction.probabilities(q, TOPICS);
        assertArrayEquals(q, CascadePrediction.stage2(probabilities, TOPICS));

        Prediction p = CascadePrediction.decide(7, 1, 2L, 0.8, probabilities, TOPICS, OperatingPoint.argmax(0.5));
        assertEquals(1, p.predictedLabel());
        assertEquals("battery", p.predictedTopic());
        assertEquals(0.8 * 0.6, p.confidence(), 1e-12);

        // stage 1 rejects at 0.9: out-of-topic with the merged P(out)
        Prediction rejected = CascadePrediction.redecide(p, TOPICS, OperatingPoint.argmax(0.9));
        assertEquals(0, rejected.predictedLabel());
        assertNull(rejected.predictedTopic());
        assertEquals(0.2 + 0.8 * 0.3, rejected.confidence(), 1e-12);
        // the class-0 filter catches it at P(class 0) = 0.3
        assertEquals(0, CascadePrediction.redecide(p, TOPICS, new OperatingPoint(0.5, 0.25)).predictedLabel());
        // probabilities and versions are kept as stored
        assertEquals(p.topicProbabilities(), rejected.topicProbabilities());
        assertEquals(2L, rejected.stage2VersionId());
        // so is the unfamiliar score: applying a point does not forget it
        Prediction scored = p.withUnfamiliar(31.5, Boolean.TRUE);
        Prediction again = CascadePrediction.redecide(scored, TOPICS, OperatingPoint.argmax(0.9));
        assertEquals(31.5, again.unfamiliar());
        assertEquals(Boolean.TRUE, again.unfamiliarFlag());
        assertNull(rejected.unfamiliar(), "unknown stays unknown");
        // a class absent from a stored prediction counts as 0
        assertArrayEquals(new double[] {0, 0.9, 0}, CascadePrediction.stage2(Map.of("battery", 0.9), TOPICS));
    }
}

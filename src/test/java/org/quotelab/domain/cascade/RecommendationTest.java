package org.quotelab.domain.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The support rule: a class-0 threshold is only tuned on at least 30 class-0 examples. */
class RecommendationTest {

    /**
     * {@code passedOut} out-of-topic quotes that stage 1 cannot tell from in-topic ones (P(in) 0.9) with P(not pertinent)
     * spread over 0.2..0.45, so only a class-0 threshold below 0.5 catches them; 200 in-topic
     * quotes of two topics, confidently right; 100 out-of-topic quotes stage 1 rejects.
     */
    static CascadeScores scores(int passedOut) {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 300 + passedOut;
        double[] p = new double[n];
        double[] p0 = new double[n];
        int[] s2 = new int[n];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            if (i < 200) {
                truth[i] = 1 + i % 2;
                p[i] = 0.9;
                p0[i] = 0.02 + 0.1 * rnd.nextDouble();
                s2[i] = truth[i];
            } else if (i < 300) {
                p[i] = 0.1;
                p0[i] = 0.5;
                s2[i] = 1;
            } else {
                p[i] = 0.9;
                p0[i] = 0.2 + 0.25 * rnd.nextDouble();
                s2[i] = 1 + i % 2;
            }
        }
        return new CascadeScores(List.of("a", "b"), p, p0, s2, truth, 1);
    }

    @Test
    void fewerThanThirtyClass0ExamplesKeepThePlainRule() {
        Recommendation r = Recommendation.choose(scores(29), ThresholdObjective.MIN_CLASS0_RECALL, 0.5, 0.05);
        assertTrue(r.plainRule());
        assertEquals(Recommendation.PLAIN_RULE, r.point());
        assertEquals(29, r.class0Support());
        assertTrue(r.reason().contains("only 29 class-0 examples, fewer than 30"), r.reason());
        assertEquals(r.plain(), r.at());
    }

    @Test
    void thirtyClass0ExamplesAllowATunedPoint() {
        Recommendation r = Recommendation.choose(scores(60), ThresholdObjective.MIN_CLASS0_RECALL, 0.5, 0.05);
        assertFalse(r.plainRule(), r.reason());
        assertEquals(60, r.class0Support());
        assertNotEquals(Recommendation.PLAIN_RULE, r.point());
        assertTrue(r.point().class0Threshold() < 0.5, r.point().describe());
        assertTrue(r.at().class0Recall().value() >= 0.5);
        // what the tuned point costs or gains against the plain rule, each with its interval and support
        assertEquals(0.0, r.plain().class0Recall().value(), 1e-12);
        assertEquals(60, r.at().class0Recall().n());
        assertTrue(r.at().class0Recall().ci().lo() > 0.3);
        assertEquals(2, r.at().topicRecall().size());
        assertEquals(100, r.at().topicRecall().get(0).n());
        assertTrue(r.at().macroF1().ci().known());
    }

    @Test
    void anAtLeastObjectiveIsMetByTheLowerEndOfItsInterval() {
        CascadeScores s = scores(60);
        Recommendation r = Recommendation.choose(s, ThresholdObjective.MIN_CLASS0_RECALL, 0.5, 0.05);
        assertTrue(r.at().class0Recall().ci().lo() >= 0.5, r.at().class0Recall().format());
        assertTrue(r.reason().contains("lower end of the 95 % interval"), r.reason());
        // the point estimate alone would have stopped at a milder class-0 threshold
        SweepPoint estimate = ThresholdSweep.recommend(s, ThresholdSweep.grid(200), new OperatingPoint(
                r.point().threshold(), 1), ThresholdObjective.MIN_CLASS0_RECALL, 0.5).orElseThrow();
        assertTrue(estimate.class0Threshold() > r.point().class0Threshold(), estimate.class0Threshold() + " vs "
                + r.point().describe());
        assertTrue(Recommendation.class0Recall(s, OperatingPoint.of(estimate)).ci().lo() < 0.5);
    }

    @Test
    void aBoundNoIntervalCanReachFallsBackToThePointEstimateAndSaysSo() {
        // 60 of 60 has a lower 95 % end of 0.94: a bound of 0.95 is reached only by the estimate
        Recommendation r = Recommendation.choose(scores(60), ThresholdObjective.MIN_CLASS0_RECALL, 0.95, 0.05);
        assertTrue(r.at().class0Recall().value() >= 0.95, r.at().class0Recall().format());
        assertTrue(r.reason().contains("lower 95 % end reaches the bound nowhere"), r.reason());
    }
}

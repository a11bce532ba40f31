package org.quotelab.domain.cascade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.quote.Prediction;

/**
 * The one rule that turns a quote's calibrated probabilities into the prediction that is stored.
 * Scoring uses it when a quote is first scored and applying an operating point uses it again on
 * the cached probabilities (no network), so both always agree on the predicted class and confidence.
 */
public final class CascadePrediction {

    /** Stage 2's "not pertinent" class: its key in a prediction's topic probabilities. */
    public static final String NOT_PERTINENT = "0";

    private CascadePrediction() {
    }

    /**
     * A prediction of the pair {@code stage1}/{@code stage2} decided at {@code at}.
     *
     * @param probabilities stage 2's distribution keyed by class ({@link #NOT_PERTINENT} and the topics)
     * @param topics        the cascade's topics in class order 1..K
     */
    public static Prediction decide(long quoteId, long stage1, Long stage2, double pInTopic,
            Map<String, Double> probabilities, List<String> topics, OperatingPoint at) {
        CascadeDecision d = at.decide(pInTopic, stage2(probabilities, topics));
        String topic = d.finalClass() == 0 ? null : topics.get(d.finalClass() - 1);
        return new Prediction(quoteId, stage1, stage2, pInTopic, probabilities, d.finalClass() == 0 ? 0 : 1, topic,
                d.confidence());
    }

    /** A stored prediction decided again at another operating point; its probabilities and unfamiliar score are kept. */
    public static Prediction redecide(Prediction p, List<String> topics, OperatingPoint at) {
        return decide(p.quoteId(), p.stage1VersionId(), p.stage2VersionId(), p.pInTopic(), p.topicProbabilities(),
                topics, at).withUnfamiliar(p.unfamiliar(), p.unfamiliarFlag());
    }

    /** A stored prediction's stage-2 distribution in cascade order: [not pertinent, topic 1..K]. */
    public static double[] stage2(Prediction p, List<String> topics) {
        return stage2(p.topicProbabilities(), topics);
    }

    /** A distribution keyed by class in cascade order; absent classes get 0. */
    public static double[] stage2(Map<String, Double> probabilities, List<String> topics) {
        double[] q = new double[topics.size() + 1];
        q[0] = probabilities.getOrDefault(NOT_PERTINENT, 0.0);
        for (int k = 0; k < topics.size(); k++) {
            q[k + 1] = probabilities.getOrDefault(topics.get(k), 0.0);
        }
        return q;
    }

    /** The inverse of {@link #stage2(Map, List)}: a cascade-order distribution keyed by class. */
    public static Map<String, Double> probabilities(double[] stage2, List<String> topics) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(NOT_PERTINENT, stage2[0]);
        for (int k = 0; k < topics.size(); k++) {
            m.put(topics.get(k), stage2[k + 1]);
        }
        return m;
    }
}

package org.quotelab.service.cascade;

import java.util.List;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.OperatingPoint;

/**
 * Calibrated cascade probabilities for a list of quotes.
 *
 * @param pInTopic   stage-1 P(in-topic) per quote
 * @param stage2     stage-2 distribution per quote in cascade order: [not pertinent, topic 1..K]
 * @param unfamiliar per quote, the Mahalanobis distance of its stage-1 features from the training
 *                   quotes; null when the stage-1 version has no feature statistics
 * @param unfamiliarCutoff distances above it are flagged; NaN without statistics
 */
public record CascadeOutput(List<String> topics, double[] pInTopic, double[][] stage2, double[] unfamiliar,
                            double unfamiliarCutoff) {

    /** Outputs without unfamiliar scores. */
    public CascadeOutput(List<String> topics, double[] pInTopic, double[][] stage2) {
        this(topics, pInTopic, stage2, null, Double.NaN);
    }

    /** Quote i's unfamiliar score, null when unknown. */
    public Double unfamiliar(int i) {
        return unfamiliar == null ? null : unfamiliar[i];
    }

    /** Whether quote i lies beyond the cut-off, null when unknown. */
    public Boolean unfamiliarFlag(int i) {
        return unfamiliar == null ? null : unfamiliar[i] > unfamiliarCutoff;
    }

    public int size() {
        return pInTopic.length;
    }

    public CascadeDecision decide(int i, OperatingPoint at) {
        return at.decide(pInTopic[i], stage2[i]);
    }

    /** The sweep's input: these outputs against the quotes' truth. */
    public CascadeScores against(List<LabelledText> truth, int days) {
        int[] s2 = new int[size()];
        double[] p0 = new double[size()];
        int[] y = new int[size()];
        for (int i = 0; i < size(); i++) {
            s2[i] = CascadeDecision.argmax(stage2[i]);
            p0[i] = stage2[i][0];
            y[i] = truthClass(truth.get(i));
        }
        return new CascadeScores(topics, pInTopic, p0, s2, y, days);
    }

    /** 0 for out-of-topic, else 1 + the topic's position; an unknown topic is an error the user must see. */
    public int truthClass(LabelledText t) {
        if (!t.inTopic()) {
            return 0;
        }
        int k = topics.indexOf(t.topic());
        if (k < 0) {
            throw new IllegalArgumentException("topic '" + t.topic() + "' is not one the cascade was trained on " + topics);
        }
        return k + 1;
    }
}

package org.quotelab.service.cascade;

import java.util.Map;
import org.quotelab.domain.cascade.Recommendation;
import org.quotelab.domain.metrics.Estimate;

/** The one JSON shape of a figure: {@code key}, {@code key_ci: [lo, hi]} and {@code n_key}. */
public final class EstimateJson {

    private EstimateJson() {
    }

    public static void put(Map<String, Object> m, String key, Estimate e) {
        m.put(key, e.value());
        m.put(key + "_ci", e.ci().asList());
        m.put("n_" + key, e.n());
    }

    /** The figures at one point under {@code prefix}: macro-F1, out-of-topic and class-0 recall, each topic's recall. */
    public static void put(Map<String, Object> m, String prefix, Recommendation.PointFigures f) {
        put(m, prefix + "end_to_end_macro_f1", f.macroF1());
        put(m, prefix + "out_of_topic_recall", f.outOfTopicRecall());
        put(m, prefix + "class0_recall", f.class0Recall());
        for (int k = 0; k < f.topics().size(); k++) {
            put(m, prefix + "recall_" + f.topics().get(k), f.topicRecall().get(k));
        }
    }
}

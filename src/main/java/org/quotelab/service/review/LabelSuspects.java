package org.quotelab.service.review;

import java.util.HashMap;
import java.util.Map;
import org.quotelab.domain.cascade.CascadePrediction;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.cascade.SeenQuotes;
import org.quotelab.store.QuoteStore;

/**
 * The per-class thresholds of the "Label suspects" queue, as confident learning computes them
 * (Northcutt et al., 2021): for each class, the cascade's mean probability of that class over the
 * labelled quotes of that class it did not train or calibrate on. A labelled quote is a suspect
 * when the cascade predicts another class with at least that class's threshold: the model is as
 * sure of it as it usually is of quotes that truly have it. Classes are the topics and
 * {@link QuoteFilter#OUT_OF_TOPIC}; the probability of a class is the cascade's merged one
 * (out-of-topic: 1 - p + p * q0; topic k: p * qk). Reads stored predictions only.
 */
public final class LabelSuspects {
    private static final int PAGE = 5_000;

    private LabelSuspects() {
    }

    /**
     * The thresholds for the active pair; a class with no held-out labelled quote falls back to
     * all its labelled quotes (an estimate from training quotes is higher: fewer suspects), and a
     * class with no labelled quote at all has none (nothing is suspected of being it).
     */
    public static Map<String, Double> thresholds(QuoteStore store, ModelVersion stage1, ModelVersion stage2) {
        SeenQuotes.Seen seen = stage2 == null ? null : new SeenQuotes(store).of(stage1, stage2);
        Map<String, double[]> heldOut = new HashMap<>(); // class -> {sum, n}
        Map<String, double[]> all = new HashMap<>();
        QuoteFilter labelled = QuoteFilter.all().withModels(stage1.id(), stage2 == null ? null : stage2.id())
                .withLabelled(Boolean.TRUE);
        long after = 0;
        while (true) {
            Page<QuoteRow> page = store.quotes().review(labelled, after, PAGE);
            for (QuoteRow r : page.items()) {
                after = r.quote().id();
                String cls = classOf(r);
                if (cls == null || r.prediction() == null) {
                    continue;
                }
                double p = probability(r.prediction(), cls);
                add(all, cls, p);
                if (seen != null && seen.recorded() && !seen.contains(r.quote().id())) {
                    add(heldOut, cls, p);
                }
            }
            if (page.items().size() < PAGE) {
                break;
            }
        }
        Map<String, Double> out = new HashMap<>();
        all.forEach((cls, sn) -> {
            double[] h = heldOut.get(cls);
            out.put(cls, h != null ? h[0] / h[1] : sn[0] / sn[1]);
        });
        return out;
    }

    /** The merged probability the cascade gives class {@code cls} (a topic or out-of-topic). */
    static double probability(Prediction p, String cls) {
        double in = p.pInTopic();
        if (QuoteFilter.OUT_OF_TOPIC.equals(cls)) {
            return (1 - in) + in * p.topicProbabilities().getOrDefault(CascadePrediction.NOT_PERTINENT, 0.0);
        }
        return in * p.topicProbabilities().getOrDefault(cls, 0.0);
    }

    private static String classOf(QuoteRow r) {
        if (r.label() == null) {
            return null;
        }
        if (r.label().label().label() == 0) {
            return QuoteFilter.OUT_OF_TOPIC;
        }
        return r.label().label().topic(); // in-topic without a topic: no class to compare
    }

    private static void add(Map<String, double[]> m, String cls, double p) {
        double[] sn = m.computeIfAbsent(cls, k -> new double[2]);
        sn[0] += p;
        sn[1]++;
    }
}

package org.quotelab.service.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.continual.DriftCheck;
import org.quotelab.service.continual.DriftReport;
import org.quotelab.service.continual.Embedder;

/**
 * Runs {@link DriftCheck} on a batch against the reference quotes, feeding it the cascade's cached
 * (already calibrated) predictions instead of running the models again, and ties the explaining
 * texts back to their quotes. The model-output tests see only held-out quotes on both sides
 * ({@link BatchFigures#heldOut}); the input and label tests see every sampled quote.
 */
final class DriftScoring {
    private static final String UNLABELLED = "?";

    /** A batch's stored figures and the quotes that explain them. */
    record Outcome(BatchDrift drift, List<ExplainingQuote> explaining) {
    }

    private final DriftCheck check;

    DriftScoring(Embedder embedder, DriftCheck.Settings settings) {
        this.check = new DriftCheck(embedder, settings);
    }

    Outcome check(Batch batch, List<ScoredQuote> current, List<ScoredQuote> currentHeldOut,
                  List<ScoredQuote> reference, List<ScoredQuote> referenceHeldOut, List<Long> referenceIds,
                  CascadeVersions.Active active, List<String> topics) {
        List<ScoredQuote> cur = current.stream().filter(q -> q.prediction() != null).toList();
        List<ScoredQuote> ref = reference.stream().filter(q -> q.prediction() != null).toList();
        List<ScoredQuote> curHeld = currentHeldOut.stream().filter(q -> q.prediction() != null).toList();
        List<ScoredQuote> refHeld = referenceHeldOut.stream().filter(q -> q.prediction() != null).toList();
        if (cur.isEmpty() || ref.isEmpty()) {
            throw new IllegalStateException("batch " + batch.day() + " or its reference has no scored quotes");
        }
        List<String> order = new ArrayList<>();
        order.add(CascadeModel.NOT_PERTINENT);
        order.addAll(topics);
        Map<String, float[]> byText = new HashMap<>();
        Map<String, ScoredQuote> quoteOf = new HashMap<>();
        for (List<ScoredQuote> side : List.of(ref, refHeld, curHeld)) {
            side.forEach(q -> byText.put(q.quote().text(), merged(q.prediction(), topics)));
        }
        for (ScoredQuote q : cur) {
            byText.put(q.quote().text(), merged(q.prediction(), topics));
            quoteOf.putIfAbsent(q.quote().text(), q);
        }
        boolean labelled = cur.stream().anyMatch(q -> q.label() != null);
        DriftReport r = check.check(batch.day(), new DriftCheck.Sample(texts(ref), labels(ref), texts(refHeld)),
                new DriftCheck.Sample(texts(cur), labelled ? labels(cur) : null, texts(curHeld)),
                texts -> texts.stream().map(byText::get).toArray(float[][]::new), 1.0, order);
        List<ExplainingQuote> explaining = new ArrayList<>();
        for (String text : r.explainingQuotes()) {
            ScoredQuote q = quoteOf.get(text);
            explaining.add(new ExplainingQuote(q.quote().id(), batch.id(), batch.day(), text, q.predicted(),
                    q.prediction().confidence(), q.truth()));
        }
        BatchDrift d = new BatchDrift(batch.id(), active.stage1().id(), active.stage2().id(), referenceIds,
                r.referenceSize(), r.currentSize(), r.mmd2(), r.mmdPValue(), r.predictionJs(), r.predictionPsi(),
                r.ksStatistic(), r.ksPValue(), r.estimatedAccuracy(), r.referenceEstimatedAccuracy(), r.labelJs(),
                r.labelPsi(), explaining.stream().map(ExplainingQuote::quoteId).toList(), r.alerts(), Instant.now(),
                r.severity(), r.tests(), r.notes());
        return new Outcome(d, explaining);
    }

    /** The cascade's merged distribution [out-of-topic, topics...], as CascadeDecision defines it. */
    static float[] merged(Prediction p, List<String> topics) {
        float[] out = new float[topics.size() + 1];
        double in = p.pInTopic();
        double q0 = p.topicProbabilities().getOrDefault(CascadeModel.NOT_PERTINENT, 0.0);
        out[0] = (float) ((1 - in) + in * q0);
        for (int k = 0; k < topics.size(); k++) {
            out[k + 1] = (float) (in * p.topicProbabilities().getOrDefault(topics.get(k), 0.0));
        }
        return out;
    }

    private static List<String> texts(List<ScoredQuote> quotes) {
        return quotes.stream().map(q -> q.quote().text()).toList();
    }

    private static List<String> labels(List<ScoredQuote> quotes) {
        return quotes.stream().map(q -> q.truth() == null ? UNLABELLED : q.truth()).toList();
    }
}

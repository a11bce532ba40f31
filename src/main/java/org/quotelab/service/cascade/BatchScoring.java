package org.quotelab.service.cascade;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;

/**
 * Scores stored quotes with the active cascade and stores the predictions, so that views never
 * run the network to show them. Works page by page: memory stays flat for any batch size, and a
 * cancel keeps the pages already stored (each is complete and valid on its own).
 */
public final class BatchScoring {

    private static final int PAGE = 256;

    private final QuoteStore store;

    public BatchScoring(QuoteStore store) {
        this.store = store;
    }

    /** Scores every quote of the batch (all batches when null); returns the number scored. */
    public long score(Long batchId, ProgressSink progress, CancellationToken cancel) throws IOException {
        CascadeVersions.Active active = new CascadeVersions(store).active()
                .orElseThrow(() -> new IllegalStateException("no active cascade: train or activate models first"));
        long total = batchId == null ? store.quotes().count() : store.quotes().count(
                org.quotelab.domain.quote.QuoteFilter.all().withBatch(batchId));
        long done = 0;
        try (CascadeScorer scorer = CascadeScorer.open(active.folder(), 128, 64)) {
            OperatingPoint at = OperatingPoints.current(store, scorer.model());
            long after = 0;
            while (true) {
                cancel.throwIfCancelled();
                Page<Quote> page = store.quotes().page(batchId, after, PAGE);
                if (page.items().isEmpty()) {
                    break;
                }
                CascadeOutput out = scorer.score(page.items().stream().map(Quote::text).toList());
                store.predictions().saveAll(predictions(page.items(), out, active, at));
                done += page.items().size();
                progress.update(total == 0 ? 1 : (double) done / total, "scored " + done + " of " + total + " quotes");
                if (!page.hasMore()) {
                    break;
                }
                after = page.nextAfterId();
            }
        }
        return done;
    }

    /** A stored prediction decided again at another operating point, from its cached probabilities. */
    public static Prediction redecide(Prediction p, List<String> topics, OperatingPoint at) {
        CascadeDecision d = at.decide(p.pInTopic(), stage2(p, topics));
        String topic = d.finalClass() == 0 ? null : topics.get(d.finalClass() - 1);
        return new Prediction(p.quoteId(), p.stage1VersionId(), p.stage2VersionId(), p.pInTopic(),
                p.topicProbabilities(), d.finalClass() == 0 ? 0 : 1, topic, d.confidence());
    }

    /** A stored prediction's stage-2 distribution in cascade order: [not pertinent, topic 1..K]. */
    public static double[] stage2(Prediction p, List<String> topics) {
        double[] q = new double[topics.size() + 1];
        q[0] = p.topicProbabilities().getOrDefault(CascadeModel.NOT_PERTINENT, 0.0);
        for (int k = 0; k < topics.size(); k++) {
            q[k + 1] = p.topicProbabilities().getOrDefault(topics.get(k), 0.0);
        }
        return q;
    }

    /** Predictions of {@code active} for {@code quotes}, as stored; shared with the Review scorer. */
    public static List<Prediction> predictions(List<Quote> quotes, CascadeOutput out, CascadeVersions.Active active,
            OperatingPoint at) {
        List<Prediction> list = new ArrayList<>(quotes.size());
        for (int i = 0; i < quotes.size(); i++) {
            CascadeDecision d = out.decide(i, at);
            Map<String, Double> topics = new LinkedHashMap<>();
            topics.put(CascadeModel.NOT_PERTINENT, out.stage2()[i][0]);
            for (int k = 0; k < out.topics().size(); k++) {
                topics.put(out.topics().get(k), out.stage2()[i][k + 1]);
            }
            String topic = d.finalClass() == 0 ? null : out.topics().get(d.finalClass() - 1);
            list.add(new Prediction(quotes.get(i).id(), active.stage1().id(), active.stage2().id(),
                    out.pInTopic()[i], topics, d.finalClass() == 0 ? 0 : 1, topic, d.confidence()));
        }
        return list;
    }
}

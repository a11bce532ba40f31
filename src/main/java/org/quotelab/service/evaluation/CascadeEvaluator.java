package org.quotelab.service.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.cascade.BatchScoring;
import org.quotelab.service.cascade.CascadeEvaluation;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeOutput;
import org.quotelab.service.cascade.CascadeScorer;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.service.models.CascadePair;
import org.quotelab.store.QuoteStore;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.service.cascade.OperatingPoints;

/**
 * Evaluates any stored cascade (not only the active one) on the labelled quotes of some batches.
 * Cached probabilities of the pair are used as they are: a version never changes, so they stay
 * valid; the decision is taken again at the current threshold because the stored predicted class
 * was taken at whatever threshold applied when the quote was scored. Quotes without a cached
 * prediction are scored with the pair's own models and cached. The results are stored per batch
 * ({@link EvaluationStore}) for Monitoring.
 */
public final class CascadeEvaluator {
    private static final int PAGE = 1000;
    private static final int SCORE_STEP = 64;

    private final QuoteStore store;

    public CascadeEvaluator(QuoteStore store) {
        this.store = store;
    }

    /** Reads the store and may run the models: call it from a job. An empty {@code batchIds} means all batches. */
    public Evaluation evaluate(CascadePair pair, List<Long> batchIds, ProgressSink progress, CancellationToken cancel)
            throws Exception {
        CascadeModel model = CascadeModel.read(pair.folder());
        List<String> topics = model.topics();
        OperatingPoint at = OperatingPoints.current(store, model);
        progress.update(-1, "reading labelled quotes");
        List<QuoteRow> rows = read(pair, batchIds, cancel);
        Map<Long, Prediction> scored = scoreMissing(pair, rows, at, progress, cancel);
        List<QuoteRow> kept = new ArrayList<>(rows.size());
        List<LabelledText> truth = new ArrayList<>(rows.size());
        int skipped = 0;
        for (QuoteRow r : rows) {
            var label = r.label().label();
            if (label.inTopic() && !topics.contains(label.topic())) {
                skipped++; // a topic the cascade never saw cannot be scored against it
                continue;
            }
            kept.add(r);
            truth.add(new LabelledText(r.quote().text(), label.inTopic(), label.topic()));
        }
        int n = kept.size();
        double[] p = new double[n];
        double[][] q = new double[n][];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            QuoteRow r = kept.get(i);
            Prediction pr = r.prediction() != null ? r.prediction() : scored.get(r.quote().id());
            ids[i] = r.quote().id();
            p[i] = pr.pInTopic();
            q[i] = BatchScoring.stage2(pr, topics);
        }
        CascadeOutput out = new CascadeOutput(topics, p, q);
        progress.update(-1, "computing the reports");
        CascadeEvaluation figures = n == 0 ? null : CascadeEvaluation.of(out, truth, at);
        int[] y = new int[n];
        int[] yHat = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = out.truthClass(truth.get(i));
            yHat[i] = out.decide(i, at).finalClass();
        }
        Evaluation e = new Evaluation(pair, batchIds, at, figures, ids, y, yHat, skipped, scored.size());
        if (n > 0) {
            new EvaluationStore(store).save(e, batchOf(kept));
        }
        return e;
    }

    private List<QuoteRow> read(CascadePair pair, List<Long> batchIds, CancellationToken cancel) {
        QuoteFilter base = QuoteFilter.all().withLabelled(true).withModels(pair.stage1().id(), pair.stage2().id());
        List<Long> batches = batchIds.isEmpty() ? java.util.Collections.singletonList(null) : batchIds;
        List<QuoteRow> rows = new ArrayList<>();
        for (Long b : new LinkedHashSet<>(batches)) {
            QuoteFilter f = base.withBatch(b);
            long after = 0;
            while (true) {
                cancel.throwIfCancelled();
                Page<QuoteRow> page = store.quotes().review(f, after, PAGE);
                rows.addAll(page.items());
                if (!page.hasMore()) {
                    break;
                }
                after = page.nextAfterId();
            }
        }
        return rows;
    }

    /** Scores and caches the rows without a prediction of this pair; opens the models only when needed. */
    private Map<Long, Prediction> scoreMissing(CascadePair pair, List<QuoteRow> rows, OperatingPoint at,
            ProgressSink progress, CancellationToken cancel) throws Exception {
        List<Quote> missing = rows.stream().filter(r -> r.prediction() == null).map(QuoteRow::quote).toList();
        Map<Long, Prediction> out = new HashMap<>();
        if (missing.isEmpty()) {
            return out;
        }
        progress.update(0, "loading " + pair.label());
        try (CascadeScorer scorer = CascadeScorer.open(pair.folder(), 128, SCORE_STEP)) {
            for (int from = 0; from < missing.size(); from += SCORE_STEP) {
                cancel.throwIfCancelled();
                List<Quote> chunk = missing.subList(from, Math.min(missing.size(), from + SCORE_STEP));
                CascadeOutput o = scorer.score(chunk.stream().map(Quote::text).toList());
                List<Prediction> got = BatchScoring.predictions(chunk, o, pair.asScoringPair(), at);
                store.predictions().saveAll(got);
                got.forEach(x -> out.put(x.quoteId(), x));
                progress.update((double) out.size() / missing.size(),
                        "scoring quotes without a cached prediction: " + out.size() + " of " + missing.size());
            }
        }
        return out;
    }

    /** A stored prediction's stage-2 distribution in cascade order: [not pertinent, topic 1..K]. */
    private static long[] batchOf(List<QuoteRow> kept) {
        long[] b = new long[kept.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = kept.get(i).quote().batchId();
        }
        return b;
    }

    /** Batch ids present in an evaluation, in first-seen order. */
    static Set<Long> distinct(long[] batches) {
        Set<Long> s = new LinkedHashSet<>();
        for (long b : batches) {
            s.add(b);
        }
        return s;
    }
}

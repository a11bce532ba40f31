package org.quotelab.service.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quotelab.domain.cascade.CascadePrediction;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.cascade.CascadeEvaluation;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeOutput;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.cascade.EvaluationScope;
import org.quotelab.service.cascade.SeenQuotes;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.service.models.CascadePair;
import org.quotelab.store.QuoteStore;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.service.cascade.OperatingPoints;
import org.quotelab.service.cascade.PredictionCache;

/**
 * Evaluates any stored cascade (not only the active one) on the labelled quotes of some batches.
 * Cached probabilities of the pair are used as they are: a version never changes, so they stay
 * valid; the decision is taken again at the current threshold because the stored predicted class
 * was taken at whatever threshold applied when the quote was scored. Quotes without a cached
 * prediction are scored with the pair's own models and cached. The results are stored per batch
 * ({@link EvaluationStore}) for Monitoring.
 */
public final class CascadeEvaluator {
    private final QuoteStore store;
    private final PredictionCache predictions;

    public CascadeEvaluator(QuoteStore store, PredictionCache predictions) {
        this.store = store;
        this.predictions = predictions;
    }

    /** On the quotes the pair never saw ({@link EvaluationScope#HELD_OUT}). */
    public Evaluation evaluate(CascadePair pair, List<Long> batchIds, ProgressSink progress, CancellationToken cancel)
            throws Exception {
        return evaluate(pair, batchIds, EvaluationScope.HELD_OUT, progress, cancel);
    }

    /**
     * Reads the store and may run the models: call it from a job. An empty {@code batchIds} means
     * all batches. Only held-out figures are kept for Monitoring: a figure on seen quotes would
     * make a batch look better than the cascade is.
     */
    public Evaluation evaluate(CascadePair pair, List<Long> batchIds, EvaluationScope scope, ProgressSink progress,
            CancellationToken cancel) throws Exception {
        CascadeModel model = CascadeModel.read(pair.folder());
        List<String> topics = model.topics();
        OperatingPoint at = OperatingPoints.current(store, model);
        progress.update(-1, "reading labelled quotes");
        List<QuoteRow> read = new ArrayList<>();
        List<Long> batches = batchIds.isEmpty() ? java.util.Collections.singletonList(null) : batchIds;
        for (Long b : new LinkedHashSet<>(batches)) {
            read.addAll(predictions.read(pair.asScoringPair(), QuoteFilter.all().withLabelled(true).withBatch(b), cancel));
        }
        SeenQuotes.Seen seen = new SeenQuotes(store).of(pair.stage1(), pair.stage2());
        read = scope.select(read, seen);
        String scopeLabel = scope.label(read, seen);
        long scoredNow = read.stream().filter(r -> r.prediction() == null).count();
        List<QuoteRow> rows = predictions.ensureScored(pair.asScoringPair(), read, at, progress, cancel);
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
            Prediction pr = r.prediction();
            ids[i] = r.quote().id();
            p[i] = pr.pInTopic();
            q[i] = CascadePrediction.stage2(pr, topics);
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
        Evaluation e = new Evaluation(pair, batchIds, at, figures, ids, y, yHat, skipped, (int) scoredNow, scope,
                scopeLabel, figures == null ? null : figures.intervals());
        if (n > 0 && scope == EvaluationScope.HELD_OUT) {
            new EvaluationStore(store).save(e, batchOf(kept));
        }
        return e;
    }

    /** The batch of each kept quote, in order. */
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

package org.quotelab.service.cascade;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quotelab.domain.calibration.ReliabilityDiagram;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.cascade.CascadePrediction;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.cascade.Recommendation;
import org.quotelab.domain.cascade.ThresholdObjective;
import org.quotelab.domain.cascade.SweepPoint;
import org.quotelab.domain.cascade.ThresholdSweep;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Threshold view's use case: the labelled validation quotes with the active cascade's cached
 * predictions (the missing ones scored and stored first), swept once over a fine grid of both
 * thresholds so the view only indexes into precomputed points while the analyst drags a slider.
 */
public final class ThresholdTuning {
    private static final Logger LOG = LoggerFactory.getLogger(ThresholdTuning.class);
    public static final int GRID_STEPS = 1000;

    /**
     * Everything the view shows.
     *
     * @param grid       stage-1 thresholds 0..1 in {@link #GRID_STEPS} steps
     * @param class0Grid class-0 thresholds, {@link ThresholdSweep#class0Grid()}
     * @param sweeps     {@code sweeps.get(j).get(i)} is at class-0 threshold {@code class0Grid[j]} and
     *                   stage-1 threshold {@code grid[i]}
     * @param at         the stored operating point
     * @param skipped    labelled quotes left out because their topic is not one the cascade knows
     * @param scope      which quotes, in words ("held-out", ...): the view shows it with every figure
     * @param here       the figures at the stored point, with intervals
     * @param plain      the figures under the plain rule (0.5, top class), with intervals
     * @param training   what the cascade's own recommendation rested on (its reason, with the count), or ""
     */
    public record Loaded(CascadeVersions.Active active, CascadeScores scores, double[] grid, double[] class0Grid,
            List<List<SweepPoint>> sweeps, ReliabilityDiagram reliability, OperatingPoint at, int skipped,
            String scope, Recommendation.PointFigures here, Recommendation.PointFigures plain, String training,
            org.quotelab.domain.project.LabelSchema schema) {

        /** Truly out-of-topic quotes stage 1 passes at {@code threshold}: the support of class-0 recall. */
        public long class0Support(double threshold) {
            return Recommendation.class0Support(scores, threshold);
        }

        /** Truly out-of-topic quotes: the support of out-of-topic recall. */
        public long outOfTopic() {
            return Arrays.stream(scores.truth()).filter(t -> t == 0).count();
        }

        /** Quotes of end-to-end class {@code c} (0 out-of-topic, k topic k). */
        public long support(int c) {
            return Arrays.stream(scores.truth()).filter(t -> t == c).count();
        }

        /** Truly in-topic quotes: the support of stage-1 recall. */
        public long inTopic() {
            return scores.size() - outOfTopic();
        }

        /** Index of the grid point nearest to {@code t}. */
        public int indexOf(double t) {
            return (int) Math.round(Math.max(0, Math.min(1, t)) * GRID_STEPS);
        }

        /** Index of the class-0 grid point nearest to {@code t0}. */
        public int class0IndexOf(double t0) {
            int best = 0;
            for (int j = 1; j < class0Grid.length; j++) {
                if (Math.abs(class0Grid[j] - t0) < Math.abs(class0Grid[best] - t0)) {
                    best = j;
                }
            }
            return best;
        }

        public SweepPoint point(int class0Index, int index) {
            return sweeps.get(class0Index).get(index);
        }

        /**
         * What the objective recommends from grid point ({@code class0Index}, {@code index}): the
         * class-0 objective moves the class-0 threshold only, the others the stage-1 threshold
         * only (see {@link ThresholdSweep#recommend}). Empty when nothing meets the bound.
         */
        public Optional<SweepPoint> recommend(ThresholdObjective objective, double bound, int class0Index, int index) {
            if (objective == ThresholdObjective.MIN_CLASS0_RECALL) {
                return ThresholdObjective.mildestClass0(sweeps.stream().map(s -> s.get(index)).toList(), bound);
            }
            return objective.recommend(sweeps.get(class0Index), bound);
        }
    }

    private final QuoteStore store;
    private final PredictionCache predictions;

    public ThresholdTuning(QuoteStore store, PredictionCache predictions) {
        this.store = store;
        this.predictions = predictions;
    }

    /** Empty when no cascade is active. Reads the store and may run the models: call it from a job. */
    public Optional<Loaded> load(ProgressSink progress, CancellationToken cancel) throws Exception {
        Optional<CascadeVersions.Active> found = predictions.active();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CascadeVersions.Active active = found.get();
        List<String> topics = CascadeModel.read(active.folder()).topics();
        OperatingPoint at = predictions.operatingPoint(active);
        progress.update(-1, "reading validation quotes");
        // the validation part, less any quote the cascade trained or was calibrated on
        SeenQuotes.Seen seen = new SeenQuotes(store).of(active.stage1(), active.stage2());
        List<QuoteRow> rows = EvaluationScope.HELD_OUT.select(predictions.readScored(active,
                QuoteFilter.all().withValidation(true).withLabelled(true), at, progress, cancel), seen);
        String scope = EvaluationScope.HELD_OUT.label(rows, seen);
        progress.update(-1, "sweeping " + (GRID_STEPS + 1) + " thresholds");
        int n = rows.size();
        double[] p = new double[n];
        double[] p0 = new double[n];
        int[] s2 = new int[n];
        int[] truth = new int[n];
        double[][] stage1 = new double[n][];
        int[] truth1 = new int[n];
        Set<Long> batches = new HashSet<>();
        int kept = 0;
        int skipped = 0;
        for (int i = 0; i < n; i++) {
            QuoteRow r = rows.get(i);
            Prediction pred = r.prediction();
            int y = r.label().label().inTopic() ? topics.indexOf(r.label().label().topic()) + 1 : 0;
            if (pred == null || (r.label().label().inTopic() && y == 0)) {
                skipped++; // a topic the cascade was not trained on cannot be scored against it
                continue;
            }
            p[kept] = pred.pInTopic();
            double[] q = CascadePrediction.stage2(pred, topics);
            s2[kept] = CascadeDecision.argmax(q);
            p0[kept] = q[0];
            truth[kept] = y;
            stage1[kept] = new double[] {1 - pred.pInTopic(), pred.pInTopic()};
            truth1[kept] = y == 0 ? 0 : 1;
            batches.add(r.quote().batchId());
            kept++;
        }
        CascadeScores scores = new CascadeScores(topics, java.util.Arrays.copyOf(p, kept),
                java.util.Arrays.copyOf(p0, kept), java.util.Arrays.copyOf(s2, kept), java.util.Arrays.copyOf(truth, kept), Math.max(1, batches.size()));
        double[] grid = ThresholdSweep.grid(GRID_STEPS);
        double[] class0Grid = ThresholdSweep.class0Grid();
        List<List<SweepPoint>> sweeps = new ArrayList<>(class0Grid.length);
        for (double t0 : class0Grid) {
            cancel.throwIfCancelled();
            sweeps.add(ThresholdSweep.run(scores, grid, t0));
        }
        ReliabilityDiagram reliability = ReliabilityDiagram.of(java.util.Arrays.copyOf(stage1, kept),
                java.util.Arrays.copyOf(truth1, kept), 10);
        progress.update(-1, "intervals at the stored point and under the plain rule");
        Recommendation.PointFigures here = Recommendation.PointFigures.of(scores, at);
        Recommendation.PointFigures plain = Recommendation.PointFigures.of(scores, Recommendation.PLAIN_RULE);
        Object reason = CascadeModel.read(active.folder()).facts().get("recommendation");
        LOG.info("threshold sweep over {} {} validation quotes ({} skipped)", kept, scope, skipped);
        return Optional.of(new Loaded(active, scores, grid, class0Grid, sweeps, reliability, at, skipped, scope, here,
                plain, reason == null ? "" : reason.toString(), store.schema().schema()));
    }

    /**
     * Stores the analyst's operating point and takes the stored decisions of the active cascade
     * again from their cached probabilities (no network), so Review's predicted classes follow at
     * once. One transaction: a crash keeps the old point and the old decisions together.
     *
     * @return the number of stored predictions decided again
     */
    public long apply(OperatingPoint at) throws java.io.IOException {
        return OperatingPoints.apply(store, at);
    }
}

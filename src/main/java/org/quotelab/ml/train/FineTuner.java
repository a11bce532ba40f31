package org.quotelab.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.infer.Scores;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.model.NonFiniteModelException;
import org.quotelab.ml.weights.NoGrad;
import org.quotelab.ml.text.BatchPlanner;
import org.quotelab.ml.text.BatchTensors;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.text.PaddingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full fine-tuning of a {@link ClassifierNet}: AdamW with decoupled weight decay, linear warm-up
 * and decay, global-norm clipping, length-bucketed batches, class weights or focal loss, the best
 * epoch by a validation metric. A step whose loss or gradient norm is not finite is skipped
 * (gradients dropped, no update) and reported. Deterministic on CPU for a given seed.
 */
public final class FineTuner {

    private static final Logger LOG = LoggerFactory.getLogger(FineTuner.class);

    private final TrainingConfig config;
    private final FineTuneListener listener;
    private final LossPenalty penalty;
    private final Runnable beforeBackward;

    public FineTuner(TrainingConfig config, FineTuneListener listener) {
        this(config, listener, null, null);
    }

    /**
     * @param penalty        extra loss term such as EWC's (null for none)
     * @param beforeBackward hook between forward and backward, for tests (null for none)
     */
    public FineTuner(TrainingConfig config, FineTuneListener listener, LossPenalty penalty, Runnable beforeBackward) {
        this.config = config;
        this.listener = listener == null ? FineTuneListener.none() : listener;
        this.penalty = penalty;
        this.beforeBackward = beforeBackward;
    }

    /**
     * Trains {@code net} in place. Throws {@link TrainingCancelledException} when {@code cancelled}
     * turns true (checked between steps; the service layer passes its job token's isCancelled) (the net is then half-trained: callers discard it and keep their saved version).
     */
    public TrainingResult fit(ClassifierNet net, List<EncodedExample> train, List<EncodedExample> validation,
                              List<String> labels, BooleanSupplier cancelled) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        long started = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) config.seed());
        Random random = new Random(config.seed());
        List<TrainableParameter> params = TrainableParameter.of(net.block());
        Gradients.attach(params);
        Gradients.zero(params);
        int[] trainLabels = train.stream().mapToInt(EncodedExample::label).toArray();
        double[] classWeights = config.classWeighting()
                .weights(trainLabels, net.numClasses(), config.explicitClassWeights());
        int[] lengths = BatchPlanner.lengths(train);
        int perEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        int headSteps = perEpoch * config.headEpochs();
        int totalSteps = headSteps + perEpoch * config.epochs();
        LearningRateSchedule schedule = LearningRateSchedule.of(config, perEpoch * config.epochs());
        double[] lrScales = LayerDecay.scales(params, config.layerDecay());
        GradientStep gradientStep = new GradientStep(net, new ClassificationLoss(config.focalGamma()), penalty,
                beforeBackward, config.consistency());
        Steps steps = new Steps(net, train, gradientStep, params, lengths, classWeights, random, cancelled,
                totalSteps);
        if (headSteps > 0) {
            // Linear probing first: the encoder stays as pretrained until the head is no longer random.
            LearningRateSchedule headSchedule = new LearningRateSchedule(config.headLearningRate(),
                    (int) Math.ceil(config.warmupFraction() * headSteps), headSteps);
            List<TrainableParameter> head = LayerDecay.head(params);
            // Backward then stops at the head: a head epoch costs little more than a forward pass.
            Gradients.freezeAllBut(params, head);
            try (AdamW headOptimizer = AdamW.of(net.manager(), config)) {
                for (int epoch = 1; epoch <= config.headEpochs(); epoch++) {
                    steps.epoch(epoch, headOptimizer, head, null, headSchedule, 0);
                }
            } finally {
                Gradients.attach(params);
            }
            if (!validation.isEmpty()) {
                LOG.info("after the head-only phase: validation {} {}", config.selectionMetric(), config
                        .selectionMetric().of(Scorer.evaluate(net, validation, labels, config.evalBatchSize())));
            }
        }

        List<EpochSummary> history = new ArrayList<>();
        int bestEpoch = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        ClassificationReport bestReport = null;
        try (NDManager snapshotManager = net.manager().newSubManager();
             AdamW optimizer = AdamW.of(net.manager(), config)) {
            List<NDArray> best = null;
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                double meanLoss = steps.epoch(config.headEpochs() + epoch, optimizer, params, lrScales, schedule,
                        headSteps);
                // one scoring pass gives both the report and the validation loss
                Scores scored = validation.isEmpty() ? null : Scorer.score(net, validation, config.evalBatchSize());
                int[] truth = validation.stream().mapToInt(EncodedExample::label).toArray();
                ClassificationReport report = scored == null ? null
                        : ClassificationReport.of(truth, scored.predicted(), labels);
                double validationLoss = scored == null ? Double.NaN : crossEntropy(scored, truth);
                // Without validation data the last epoch wins.
                double score = report == null ? epoch : config.selectionMetric().of(report);
                boolean improved = score > bestScore;
                if (improved) {
                    bestScore = score;
                    bestEpoch = epoch;
                    bestReport = report;
                    if (epoch < config.epochs()) {
                        best = snapshot(params, snapshotManager, best);
                    } else {
                        best = null;
                    }
                }
                EpochSummary summary = new EpochSummary(epoch, config.epochs(), meanLoss, report, score, improved,
                        steps.skipped,
                        (System.nanoTime() - epochStart) / 1e9, validationLoss);
                history.add(summary);
                LOG.info("epoch {}/{} loss {} {} {}", epoch, config.epochs(), summary.meanLoss(),
                        config.selectionMetric(), score);
                listener.onEpoch(summary);
            }
            if (best != null) {
                restore(params, best, snapshotManager);
            }
            if (!net.weightsFinite()) {
                throw new NonFiniteModelException("weights are not finite after training");
            }
        }
        return new TrainingResult(bestEpoch, bestReport, history, steps.step, steps.skipped,
                (System.nanoTime() - started) / 1e9, classWeights);
    }

    /** The step loop shared by the head-only phase and the fine-tune; counts steps over the whole run. */
    private final class Steps {
        private final ClassifierNet net;
        private final List<EncodedExample> train;
        private final GradientStep gradientStep;
        private final List<TrainableParameter> all;
        private final int[] lengths;
        private final double[] classWeights;
        private final Random random;
        private final BooleanSupplier cancelled;
        private final int totalSteps;
        private final int width;
        int step;
        int skipped;

        Steps(ClassifierNet net, List<EncodedExample> train, GradientStep gradientStep, List<TrainableParameter> all,
              int[] lengths, double[] classWeights, Random random, BooleanSupplier cancelled, int totalSteps) {
            this.net = net;
            this.train = train;
            this.gradientStep = gradientStep;
            this.all = all;
            this.lengths = lengths;
            this.classWeights = classWeights;
            this.random = random;
            this.cancelled = cancelled;
            this.totalSteps = totalSteps;
            this.width = config.paddingMode() == PaddingMode.FIXED ? config.maxLength() : 0;
        }

        /**
         * One pass over the training rows updating {@code updated} only; {@code scheduleOffset} is the
         * step at which {@code schedule} starts. Returns the mean of the finite losses (NaN if none).
         */
        double epoch(int runEpoch, AdamW optimizer, List<TrainableParameter> updated, double[] lrScales,
                       LearningRateSchedule schedule, int scheduleOffset) {
            double lossSum = 0;
            int counted = 0;
            int runEpochs = config.headEpochs() + config.epochs();
            for (int[] index : BatchPlanner.trainingBatches(lengths, config.batchSize(), config.paddingMode(),
                    random)) {
                if (cancelled.getAsBoolean()) {
                    throw new TrainingCancelledException(step + 1);
                }
                long t0 = System.nanoTime();
                double lr = schedule.at(step - scheduleOffset);
                double loss;
                double norm;
                boolean ok;
                try (NDManager batchManager = net.manager().newSubManager()) {
                    BatchTensors batch = BatchTensors.of(batchManager, train, index, width, net.numClasses(),
                            classWeights);
                    loss = gradientStep.run(batch, all, batchManager);
                    norm = Gradients.globalNorm(updated, batchManager);
                    ok = Double.isFinite(loss) && Double.isFinite(norm);
                    if (ok) {
                        double scale = config.maxGradNorm() > 0 && norm > config.maxGradNorm()
                                ? config.maxGradNorm() / (norm + 1e-6) : 1.0;
                        optimizer.step(updated, lr, scale, batchManager, lrScales);
                    }
                    Gradients.zero(all);
                }
                step++;
                if (ok) {
                    lossSum += loss;
                    counted++;
                } else {
                    skipped++;
                    LOG.warn("step {} skipped: loss {} gradient norm {}", step, loss, norm);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                listener.onStep(new StepProgress(runEpoch, runEpochs, step, totalSteps, loss, lr,
                        norm, index.length / Math.max(seconds, 1e-9), !ok, skipped));
            }
            return counted == 0 ? Double.NaN : lossSum / counted;
        }
    }

    /** Copies the weights with libtorch (DJL's duplicate() would point the copy at a Java buffer). */
    static List<NDArray> snapshot(List<TrainableParameter> params, NDManager manager, List<NDArray> old) {
        if (old != null) {
            old.forEach(NDArray::close);
        }
        // without grad mode the copies are plain tensors, not graph nodes that keep the weights alive
        try (NoGrad off = NoGrad.enter()) {
            NDArray one = manager.full(new Shape(), 1f, DataType.FLOAT32);
            List<NDArray> copies = new ArrayList<>(params.size());
            for (TrainableParameter p : params) {
                NDArray copy = p.array().mul(one);
                copy.attach(manager);
                copies.add(copy);
            }
            one.close();
            return copies;
        }
    }

    /** In-place copy back, so the block keeps the same arrays (0 * w + saved is exact for finite w). */
    static void restore(List<TrainableParameter> params, List<NDArray> saved, NDManager manager) {
        try (NoGrad off = NoGrad.enter()) {
            NDArray zero = manager.full(new Shape(), 0f, DataType.FLOAT32);
            for (int i = 0; i < params.size(); i++) {
                params.get(i).array().muli(zero).addi(saved.get(i));
            }
            zero.close();
        }
    }

    /** Mean -log p(true class) over the scored examples; probabilities are floored to stay finite. */
    static double crossEntropy(Scores scored, int[] truth) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum -= Math.log(Math.max(scored.probabilities()[i][truth[i]], 1e-12));
        }
        return truth.length == 0 ? Double.NaN : sum / truth.length;
    }
}

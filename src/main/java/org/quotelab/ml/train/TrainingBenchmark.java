package org.quotelab.ml.train;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.text.BatchPlanner;
import org.quotelab.ml.text.BatchTensors;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.text.PaddingMode;

/**
 * Measures fine-tuning throughput: full training steps (forward, loss, backward, clipping, AdamW)
 * on real batches, after a few untimed warm-up steps, the first on the widest batch. Used by
 * {@code quotelab bench train} and, with the batches written out, by the plain-PyTorch
 * reference in bench/reference.
 */
public final class TrainingBenchmark {

    /** Parts of a step, as {@link Timing#phaseMs} reports them. */
    public static final List<String> PHASES = List.of("batch_tensors", "forward_backward", "grad_norm", "adamw",
            "zero_grad");

    /**
     * Timed steps, their samples and seconds, the mean wall-clock ms per step of each of
     * {@link #PHASES} (what does not shrink with fewer tokens is the fixed cost per step), and the
     * loss of every step, warm-up included.
     */
    public record Timing(int steps, long samples, double seconds, double[] phaseMs, double[] losses) {
        public double samplesPerSecond() {
            return samples / seconds;
        }

        public double msPerStep() {
            return seconds * 1000 / steps;
        }
    }

    private TrainingBenchmark() {
    }

    /** Samples per second over {@code steps} timed steps with the config's padding mode. */
    public static double samplesPerSecond(ClassifierNet net, List<EncodedExample> examples, TrainingConfig config,
                                          int warmupSteps, int steps) {
        return run(net, examples, config, warmupSteps, steps).samplesPerSecond();
    }

    /**
     * The batches in the order the benchmark runs them: FineTuner's length-grouped (or fixed)
     * plan, the widest batch moved first, because a full epoch meets it and peak memory must
     * include it.
     */
    public static List<int[]> plan(List<EncodedExample> examples, TrainingConfig config) {
        int[] lengths = BatchPlanner.lengths(examples);
        List<int[]> plan = new ArrayList<>(BatchPlanner.trainingBatches(lengths, config.batchSize(),
                config.paddingMode(), new Random(config.seed())));
        int widest = 0;
        for (int b = 1; b < plan.size(); b++) {
            if (width(plan.get(b), lengths) > width(plan.get(widest), lengths)) {
                widest = b;
            }
        }
        plan.add(0, plan.remove(widest));
        return plan;
    }

    /** Runs warm-up then timed steps over {@link #plan}, cycling through it. */
    public static Timing run(ClassifierNet net, List<EncodedExample> examples, TrainingConfig config,
                             int warmupSteps, int steps) {
        List<TrainableParameter> params = TrainableParameter.of(net.block());
        Gradients.attach(params);
        Gradients.zero(params);
        GradientStep gradientStep = new GradientStep(net, new ClassificationLoss(config.focalGamma()), null, null);
        int width = config.paddingMode() == PaddingMode.FIXED ? config.maxLength() : 0;
        List<int[]> plan = plan(examples, config);
        long samples = 0;
        long started = 0;
        long[] phaseNanos = new long[PHASES.size()];
        double[] losses = new double[warmupSteps + steps];
        try (AdamW optimizer = AdamW.of(net.manager(), config)) {
            for (int i = 0; i < warmupSteps + steps; i++) {
                if (i == warmupSteps) {
                    started = System.nanoTime();
                }
                int[] index = plan.get(i % plan.size());
                long[] t = new long[PHASES.size() + 1];
                try (NDManager batchManager = net.manager().newSubManager()) {
                    t[0] = System.nanoTime();
                    BatchTensors batch = BatchTensors.of(batchManager, examples, index, width, net.numClasses(), null);
                    t[1] = System.nanoTime();
                    double loss = gradientStep.run(batch, params, batchManager);
                    t[2] = System.nanoTime();
                    losses[i] = loss;
                    double norm = Gradients.globalNorm(params, batchManager);
                    t[3] = System.nanoTime();
                    if (Double.isFinite(loss) && Double.isFinite(norm)) {
                        double scale = norm > config.maxGradNorm() ? config.maxGradNorm() / (norm + 1e-6) : 1.0;
                        optimizer.step(params, config.learningRate(), scale, batchManager);
                    }
                    t[4] = System.nanoTime();
                    Gradients.zero(params);
                    t[5] = System.nanoTime();
                }
                if (i >= warmupSteps) {
                    samples += index.length;
                    for (int k = 0; k < phaseNanos.length; k++) {
                        phaseNanos[k] += t[k + 1] - t[k];
                    }
                }
            }
        }
        double[] phaseMs = new double[phaseNanos.length];
        for (int k = 0; k < phaseMs.length; k++) {
            phaseMs[k] = phaseNanos[k] / 1e6 / Math.max(1, steps);
        }
        return new Timing(steps, samples, (System.nanoTime() - started) / 1e9, phaseMs, losses);
    }

    private static int width(int[] batch, int[] lengths) {
        int w = 0;
        for (int i : batch) {
            w = Math.max(w, lengths[i]);
        }
        return w;
    }
}

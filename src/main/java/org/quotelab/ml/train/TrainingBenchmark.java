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
 * {@code quotelab bench train}.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /** Samples per second over {@code steps} timed steps with the config's padding mode. */
    public static double samplesPerSecond(ClassifierNet net, List<EncodedExample> examples, TrainingConfig config,
                                          int warmupSteps, int steps) {
        List<TrainableParameter> params = TrainableParameter.of(net.block());
        Gradients.attach(params);
        Gradients.zero(params);
        GradientStep gradientStep = new GradientStep(net, new ClassificationLoss(config.focalGamma()), null, null);
        int width = config.paddingMode() == PaddingMode.FIXED ? config.maxLength() : 0;
        int[] lengths = BatchPlanner.lengths(examples);
        List<int[]> plan = new ArrayList<>(BatchPlanner.trainingBatches(lengths, config.batchSize(),
                config.paddingMode(), new Random(config.seed())));
        // The widest batch goes first, untimed: a full epoch meets it, so peak memory must include it.
        int widest = 0;
        for (int b = 1; b < plan.size(); b++) {
            if (width(plan.get(b), lengths) > width(plan.get(widest), lengths)) {
                widest = b;
            }
        }
        plan.add(0, plan.remove(widest));
        long samples = 0;
        long started = 0;
        try (AdamW optimizer = AdamW.of(net.manager(), config)) {
            for (int i = 0; i < warmupSteps + steps; i++) {
                if (i == warmupSteps) {
                    started = System.nanoTime();
                }
                int[] index = plan.get(i % plan.size());
                try (NDManager batchManager = net.manager().newSubManager()) {
                    BatchTensors batch = BatchTensors.of(batchManager, examples, index, width, net.numClasses(), null);
                    double loss = gradientStep.run(batch, params, batchManager);
                    double norm = Gradients.globalNorm(params, batchManager);
                    if (Double.isFinite(loss) && Double.isFinite(norm)) {
                        double scale = norm > config.maxGradNorm() ? config.maxGradNorm() / (norm + 1e-6) : 1.0;
                        optimizer.step(params, config.learningRate(), scale, batchManager);
                    }
                    Gradients.zero(params);
                }
                if (i >= warmupSteps) {
                    samples += index.length;
                }
            }
        }
        return samples / ((System.nanoTime() - started) / 1e9);
    }

    private static int width(int[] batch, int[] lengths) {
        int w = 0;
        for (int i : batch) {
            w = Math.max(w, lengths[i]);
        }
        return w;
    }
}

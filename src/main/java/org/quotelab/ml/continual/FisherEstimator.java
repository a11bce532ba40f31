package org.quotelab.ml.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.text.BatchTensors;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.train.ClassificationLoss;
import org.quotelab.ml.train.GradientStep;
import org.quotelab.ml.train.Gradients;
import org.quotelab.ml.train.TrainableParameter;
import org.quotelab.ml.train.TrainingCancelledException;

/**
 * Diagonal (empirical) Fisher information for EWC: the mean over examples of each parameter's
 * squared per-example gradient of the loss at the example's label. One example per backward pass,
 * because a batch gradient squared is not a sum of per-example squares. Dropout is active as in
 * training; pass a seeded engine for reproducible estimates.
 */
public final class FisherEstimator {

    private FisherEstimator() {
    }

    /** Fisher diagonals by parameter name, as arrays owned by {@code out}. */
    public static Map<String, NDArray> diagonal(ClassifierNet net, List<EncodedExample> examples, NDManager out) {
        return diagonal(net, examples, out, () -> false);
    }

    /**
     * As {@link #diagonal(ClassifierNet, List, NDManager)}, checking {@code cancelled} before each
     * example: the estimate takes one backward pass per example, long enough to want a cancel.
     */
    public static Map<String, NDArray> diagonal(ClassifierNet net, List<EncodedExample> examples, NDManager out,
                                                BooleanSupplier cancelled) {
        List<TrainableParameter> params = TrainableParameter.of(net.block());
        Gradients.attach(params);
        Gradients.zero(params);
        Map<String, NDArray> fisher = new LinkedHashMap<>();
        for (TrainableParameter p : params) {
            fisher.put(p.name(), out.zeros(p.array().getShape(), DataType.FLOAT32, p.array().getDevice()));
        }
        if (examples.isEmpty()) {
            return fisher;
        }
        GradientStep step = new GradientStep(net, new ClassificationLoss(0), null, null);
        for (int i = 0; i < examples.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException("cancelled while estimating the Fisher information, at example "
                        + (i + 1) + " of " + examples.size());
            }
            try (NDManager batchManager = net.manager().newSubManager()) {
                BatchTensors batch = BatchTensors.of(batchManager, examples, new int[] {i}, 0, net.numClasses(), null);
                step.run(batch, params, batchManager);
                for (TrainableParameter p : params) {
                    fisher.get(p.name()).addi(Gradients.of(p, batchManager).square());
                }
                Gradients.zero(params);
            }
        }
        NDArray inverseCount = out.full(new Shape(), 1f / examples.size(), DataType.FLOAT32);
        fisher.values().forEach(f -> f.muli(inverseCount));
        inverseCount.close();
        return fisher;
    }
}

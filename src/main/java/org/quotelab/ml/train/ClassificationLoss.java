package org.quotelab.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.quotelab.ml.text.BatchTensors;

/**
 * Weighted cross-entropy and focal loss over logits [B, C].
 *
 * <p>Written against a use-after-free in DJL 0.36's PyTorch engine: an (Number) operand is wrapped
 * in a tensor over a Java buffer that is freed at once, while autograd keeps it for backward. So
 * no (Number) method is called here; constants are 0-d arrays made by libtorch
 * ({@code manager.full}) in the batch's manager, which stays open until the step is done. DJL's
 * own SoftmaxCrossEntropyLoss with a weight has exactly the unsafe pattern.
 */
public final class ClassificationLoss {

    private final double focalGamma;

    /** @param focalGamma 0 for cross-entropy, > 0 for focal loss (1 - p_t)^gamma * CE */
    public ClassificationLoss(double focalGamma) {
        if (focalGamma < 0 || !Double.isFinite(focalGamma)) {
            throw new IllegalArgumentException("focal gamma must be finite and >= 0");
        }
        this.focalGamma = focalGamma;
    }

    /**
     * Mean of per-example losses weighted by {@code batch.exampleWeights()}: sum(w_i l_i) / sum(w_i),
     * which is PyTorch's CrossEntropyLoss(weight=...) reduction.
     */
    public NDArray compute(NDArray logits, BatchTensors batch, NDManager manager) {
        NDArray logProbs = logits.logSoftmax(1);
        NDArray picked = logProbs.mul(batch.oneHot()).sum(new int[] {1});
        NDArray perExample = picked.neg();
        if (focalGamma > 0) {
            NDArray one = scalar(manager, 1f);
            // Floor (1 - p_t) so that a non-integer gamma never meets 0^(gamma - 1) in backward.
            NDArray floor = scalar(manager, 1e-12f);
            NDArray gamma = scalar(manager, (float) focalGamma);
            NDArray modulator = one.sub(picked.exp()).maximum(floor).pow(gamma);
            perExample = perExample.mul(modulator);
        }
        NDArray w = batch.exampleWeights();
        return perExample.mul(w).sum().div(w.sum());
    }

    static NDArray scalar(NDManager manager, float value) {
        return manager.full(new Shape(), value, DataType.FLOAT32);
    }

    public double focalGamma() {
        return focalGamma;
    }
}

package org.quotelab.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * A classifier the trainer can fit: {@code block.forward(NDList(inputIds, attentionMask,
 * tokenTypeIds))} returns NDList(logits [B, numClasses]); its parameters live in {@code manager}
 * (the Model's manager), which also hosts per-batch sub-managers.
 */
public record ClassifierNet(Block block, NDManager manager, int numClasses) {

    /** True when no trainable parameter holds a NaN or infinity: checked after training and before any save. */
    public boolean weightsFinite() {
        try (NDManager scope = manager.newSubManager()) {
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (!p.getValue().requiresGradient()) {
                    continue;
                }
                // A sum is NaN or infinite as soon as one element is.
                NDArray sum = p.getValue().getArray().sum();
                sum.attach(scope);
                if (!Double.isFinite(sum.toType(DataType.FLOAT64, false).getDouble())) {
                    return false;
                }
            }
            return true;
        }
    }
}

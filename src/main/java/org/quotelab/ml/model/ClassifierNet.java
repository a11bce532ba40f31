package org.quotelab.ml.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

/**
 * A classifier the trainer can fit: {@code block.forward(NDList(inputIds, attentionMask,
 * tokenTypeIds))} returns NDList(logits [B, numClasses]); its parameters live in {@code manager}
 * (the Model's manager), which also hosts per-batch sub-managers.
 */
public record ClassifierNet(Block block, NDManager manager, int numClasses) {
}

package org.quotelab.ml.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The arrays of one batch, all owned by the batch's manager. They are created from Java arrays,
 * which libtorch does not copy: the manager must stay open until backward and the optimizer step
 * are done (docs/decisions/0004-fine-tuning.md).
 */
public record BatchTensors(NDList inputs, NDArray oneHot, NDArray exampleWeights, int[] labels, int size, int width) {

    /**
     * Builds inputIds, attentionMask, tokenTypeIds (int64, [B, L]) padded with zeros to
     * {@code width}, or to the longest member when {@code width <= 0}; labels become a one-hot
     * float matrix and each example gets its class weight.
     */
    public static BatchTensors of(NDManager manager, List<EncodedExample> examples, int[] index, int width,
                                  int numClasses, double[] classWeights) {
        int b = index.length;
        int len = width;
        if (len <= 0) {
            for (int i : index) {
                len = Math.max(len, examples.get(i).length());
            }
        }
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        long[] types = new long[b * len];
        int[] labels = new int[b];
        float[] oneHot = new float[b * Math.max(1, numClasses)];
        float[] weights = new float[b];
        for (int r = 0; r < b; r++) {
            EncodedExample e = examples.get(index[r]);
            int n = Math.min(len, e.length());
            System.arraycopy(e.ids(), 0, ids, r * len, n);
            System.arraycopy(e.typeIds(), 0, types, r * len, n);
            for (int t = 0; t < n; t++) {
                mask[r * len + t] = 1;
            }
            labels[r] = e.label();
            if (numClasses > 0 && e.label() >= 0) {
                oneHot[r * numClasses + e.label()] = 1f;
                weights[r] = classWeights == null ? 1f : (float) classWeights[e.label()];
            }
        }
        Shape shape = new Shape(b, len);
        NDList inputs = new NDList(manager.create(ids, shape), manager.create(mask, shape), manager.create(types, shape));
        NDArray hot = numClasses > 0 ? manager.create(oneHot, new Shape(b, numClasses)) : null;
        NDArray w = manager.create(weights, new Shape(b));
        return new BatchTensors(inputs, hot, w, labels, b, len);
    }
}

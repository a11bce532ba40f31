package org.quotelab.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Sentence-transformers style pooling; array-with-array arithmetic only (stack-facts.md). */
public final class Pooling {

    private Pooling() {
    }

    /** Mean of the real (mask 1) token vectors: [B,T,H] x [B,T] -> [B,H]. */
    public static NDArray meanPool(NDArray sequence, NDArray attentionMask) {
        NDManager batch = attentionMask.getManager();
        NDArray m = attentionMask.toType(DataType.FLOAT32, false).expandDims(2);
        NDArray summed = sequence.mul(m).sum(new int[] {1});
        NDArray counts = m.sum(new int[] {1}).maximum(Scalars.of(batch, 1e-9f));
        return summed.div(counts);
    }

    /** Rows scaled to unit L2 norm (with the same 1e-12 floor as torch.nn.functional.normalize). */
    public static NDArray l2Normalize(NDArray x) {
        NDArray norm = x.mul(x).sum(new int[] {1}, true).sqrt();
        return x.div(norm.maximum(Scalars.of(x.getManager(), 1e-12f)));
    }
}

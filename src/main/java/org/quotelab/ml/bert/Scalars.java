package org.quotelab.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;

/**
 * Scalars owned by libtorch. DJL 0.36's arithmetic with a Java Number wraps the value without a
 * copy and frees it at once; autograd may read it later (see stack-facts.md). Model code uses
 * these instead of any (Number) overload.
 */
final class Scalars {

    private Scalars() {
    }

    static NDArray of(NDManager manager, float value) {
        return manager.full(new Shape(), value, DataType.FLOAT32);
    }

    /** Dropout only while training: at inference it is the identity, so skip the native call. */
    static NDArray dropout(Dropout dropout, ParameterStore ps, NDArray x, boolean training) {
        return training ? dropout.forward(ps, new NDList(x), true).head() : x;
    }
}

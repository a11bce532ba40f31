package org.quotelab.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/** Gradient bookkeeping the trainer needs between backward and the optimizer step. */
public final class Gradients {

    private Gradients() {
    }

    /**
     * The parameter's gradient, moved into {@code manager}: DJL attaches the wrapper to the
     * parameter's own manager, where it would pile up for the life of the model.
     */
    public static NDArray of(TrainableParameter p, NDManager manager) {
        NDArray g = p.array().getGradient();
        g.attach(manager);
        return g;
    }

    /** Euclidean norm of all gradients together (NaN or infinite if any gradient is). */
    public static double globalNorm(List<TrainableParameter> params, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            // One norm per gradient, then the norm of those: a single pass over each gradient and no
            // gradient-sized temporary (the word embeddings' alone is 47 MB for MiniLM).
            NDList norms = new NDList(params.size());
            for (TrainableParameter p : params) {
                norms.add(of(p, scope).norm());
            }
            if (norms.isEmpty()) {
                return 0;
            }
            NDArray total = NDArrays.stack(norms).norm();
            return total.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
        }
    }

    /**
     * Sets every gradient to exactly zero. PyTorch accumulates gradients, and zeroing by
     * subtraction or multiplication would keep a NaN: libtorch's zero_() does not.
     */
    public static void zero(List<TrainableParameter> params) {
        for (TrainableParameter p : params) {
            NDArray a = p.array();
            if (a instanceof PtNDArray pt) {
                JniUtils.zeroGrad(pt);
            } else {
                try (NDManager scope = a.getManager().newSubManager()) {
                    NDArray g = of(p, scope);
                    g.subi(g);
                }
            }
        }
    }

    /** Makes sure every trainable array records gradients (loaders may set arrays without it). */
    public static void attach(List<TrainableParameter> params) {
        for (TrainableParameter p : params) {
            if (!p.array().hasGradient()) {
                p.array().setRequiresGradient(true);
            }
        }
    }

    /** Stops gradient recording for every parameter not in {@code keep}; {@link #attach} undoes it. */
    public static void freezeAllBut(List<TrainableParameter> params, List<TrainableParameter> keep) {
        for (TrainableParameter p : params) {
            if (!keep.contains(p)) {
                p.array().setRequiresGradient(false);
            }
        }
    }
}

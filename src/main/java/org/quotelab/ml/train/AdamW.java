package org.quotelab.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.infer.ThreadPolicy;
import org.quotelab.ml.weights.NoGrad;

/**
 * AdamW (Loshchilov and Hutter) as in torch.optim.AdamW: decoupled weight decay
 * w -= lr * wd * w, then the bias-corrected Adam step. DJL's own Adam is not used: its native
 * update clamps gradients one-sidedly and its Java side passes (Number) scalars. Float32 CPU
 * tensors (all of them in practice) are updated by {@link AdamWKernel} in one pass over their
 * memory; any other array by the same arithmetic as libtorch tensor operations, with every
 * constant a libtorch-owned 0-d array. Both run outside autograd.
 */
public final class AdamW implements AutoCloseable {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final NDManager stateManager;
    private final Map<String, NDArray[]> moments = new HashMap<>();
    private int steps;
    /** Tests set it to run the tensor-operation path on arrays the one-pass kernel could update. */
    boolean tensorOpsOnly;

    public AdamW(NDManager parent, double beta1, double beta2, double epsilon, double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.stateManager = parent.newSubManager();
    }

    public static AdamW of(NDManager parent, TrainingConfig config) {
        return new AdamW(parent, config.beta1(), config.beta2(), config.epsilon(), config.weightDecay());
    }

    /**
     * One update of every parameter from its current gradient, scaled by {@code gradScale}
     * (the clipping factor). Temporary arrays live in {@code scratch}.
     */
    public void step(List<TrainableParameter> params, double learningRate, double gradScale, NDManager scratch) {
        step(params, learningRate, gradScale, scratch, null);
    }

    /**
     * As {@link #step(List, double, double, NDManager)}, with parameter i's learning rate scaled by
     * {@code lrScales[i]} (null: all 1), for layer-wise decay.
     */
    public void step(List<TrainableParameter> params, double learningRate, double gradScale, NDManager scratch,
            double[] lrScales) {
        steps++;
        double bc1 = 1 - Math.pow(beta1, steps);
        double bc2 = 1 - Math.pow(beta2, steps);
        // In-place updates of leaves are only legal, and only free of graph building, without grad mode.
        try (NoGrad off = NoGrad.enter(); NDManager m = scratch.newSubManager()) {
            List<AdamWKernel.Target> fused = new ArrayList<>(params.size());
            List<Integer> rest = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                AdamWKernel.Target t = tensorOpsOnly ? null : target(params.get(i), m, learningRate, gradScale,
                        lrScales == null ? 1.0 : lrScales[i], bc1, bc2);
                if (t != null) {
                    fused.add(t);
                } else {
                    rest.add(i);
                }
            }
            AdamWKernel.run(fused, ThreadPolicy.appliedThreads());
            if (!rest.isEmpty()) {
                tensorStep(params, rest, learningRate, gradScale, lrScales, bc1, bc2, m);
            }
        }
    }

    /** The one-pass update of this parameter, or null where it does not apply. */
    private AdamWKernel.Target target(TrainableParameter p, NDManager m, double learningRate, double gradScale,
            double s, double bc1, double bc2) {
        NDArray w = p.array();
        FloatBuffer wb = AdamWKernel.view(w);
        if (wb == null) {
            return null;
        }
        FloatBuffer gb = AdamWKernel.view(Gradients.of(p, m));
        NDArray[] mv = moments.computeIfAbsent(p.name(), k -> zeros(w));
        FloatBuffer mb = AdamWKernel.view(mv[0]);
        FloatBuffer vb = AdamWKernel.view(mv[1]);
        if (gb == null || mb == null || vb == null) {
            return null;
        }
        double lr = learningRate * s;
        double decay = p.decay() && weightDecay > 0 ? 1 - lr * weightDecay : 1.0;
        return new AdamWKernel.Target(wb, gb, mb, vb, new AdamWKernel.Step((float) gradScale, (float) decay,
                (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) Math.sqrt(bc2), (float) epsilon,
                (float) (-lr / bc1)));
    }

    /** The same update as libtorch tensor operations, for arrays the one-pass kernel cannot reach. */
    private void tensorStep(List<TrainableParameter> params, List<Integer> which, double learningRate,
            double gradScale, double[] lrScales, double bc1, double bc2, NDManager m) {
        NDArray b1 = scalar(m, beta1);
        NDArray b2 = scalar(m, beta2);
        NDArray gradIn = scalar(m, (1 - beta1) * gradScale);
        NDArray sqIn = scalar(m, (1 - beta2) * gradScale * gradScale);
        NDArray sqrtBc2 = scalar(m, Math.sqrt(bc2));
        NDArray eps = scalar(m, epsilon);
        NDArray stepSize = scalar(m, learningRate / bc1);
        NDArray decay = scalar(m, 1 - learningRate * weightDecay);
        for (int i : which) {
            TrainableParameter p = params.get(i);
            NDArray w = p.array();
            double s = lrScales == null ? 1.0 : lrScales[i];
            NDArray[] mv = moments.computeIfAbsent(p.name(), k -> zeros(w));
            // Temporaries die with each parameter: they would otherwise add several copies of
            // the model to the step's peak memory, on top of the activations still held.
            try (NDManager scope = m.newSubManager()) {
                NDArray g = Gradients.of(p, scope);
                NDArray pDecay = s == 1.0 ? decay : scalar(scope, 1 - learningRate * s * weightDecay);
                NDArray pStep = s == 1.0 ? stepSize : scalar(scope, learningRate * s / bc1);
                if (p.decay() && weightDecay > 0) {
                    w.muli(pDecay);
                }
                mv[0].muli(b1).addi(g.mul(gradIn));
                mv[1].muli(b2).addi(g.square().muli(sqIn));
                NDArray denom = mv[1].sqrt();
                denom.attach(scope);
                denom.divi(sqrtBc2).addi(eps);
                NDArray update = mv[0].div(denom);
                update.attach(scope);
                w.subi(update.muli(pStep));
            }
        }
    }

    private NDArray[] zeros(NDArray like) {
        NDArray first = stateManager.zeros(like.getShape(), like.getDataType(), like.getDevice());
        NDArray second = stateManager.zeros(like.getShape(), like.getDataType(), like.getDevice());
        return new NDArray[] {first, second};
    }

    private static NDArray scalar(NDManager m, double v) {
        return m.full(new Shape(), (float) v, DataType.FLOAT32);
    }

    public int steps() {
        return steps;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}

package org.quotelab.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.text.BatchTensors;
import org.quotelab.ml.infer.ThreadPolicy;

/**
 * Forward, loss and backward for one batch; leaves the gradients in the parameters. Every array
 * of the step, including the autograd graph's inputs, belongs to {@code batchManager}, which the
 * caller closes only after the optimizer step.
 */
public final class GradientStep {

    private final ClassifierNet net;
    private final ClassificationLoss loss;
    private final LossPenalty penalty;
    private final ParameterStore store;
    private final Runnable beforeBackward;
    private final double consistency;

    public GradientStep(ClassifierNet net, ClassificationLoss loss, LossPenalty penalty, Runnable beforeBackward) {
        this(net, loss, penalty, beforeBackward, 0);
    }

    /**
     * @param penalty        optional extra loss term (null for none)
     * @param beforeBackward runs between forward and backward; tests use it to force garbage collection
     * @param consistency    R-Drop's alpha: with alpha > 0 the batch passes twice under different
     *                       dropout masks, the loss is the mean of both and alpha times their
     *                       symmetric KL divergence (mean over the batch of (KL(p1|p2) + KL(p2|p1)) / 2)
     */
    public GradientStep(ClassifierNet net, ClassificationLoss loss, LossPenalty penalty, Runnable beforeBackward,
                        double consistency) {
        if (!(consistency >= 0) || !Double.isFinite(consistency)) {
            throw new IllegalArgumentException("consistency weight must be finite and >= 0");
        }
        this.consistency = consistency;
        this.net = net;
        this.loss = loss;
        this.penalty = penalty;
        this.store = new ParameterStore(net.manager(), false);
        this.beforeBackward = beforeBackward == null ? () -> { } : beforeBackward;
    }

    /** Returns the loss value; gradients are accumulated into the parameters. */
    public double run(BatchTensors batch, List<TrainableParameter> params, NDManager batchManager) {
        NDArray value;
        // The thread count set here also serves the norm and optimizer update that follow.
        try (ThreadPolicy.Lease threads = ThreadPolicy.begin();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = net.block().forward(store, batch.inputs(), true).head();
            value = loss.compute(logits, batch, batchManager);
            if (consistency > 0) {
                NDArray second = net.block().forward(store, batch.inputs(), true).head();
                value = value.add(loss.compute(second, batch, batchManager)).mul(half(batchManager))
                        .add(symmetricKl(logits, second, batchManager).mul(constant(batchManager, consistency)));
            }
            if (penalty != null) {
                value = value.add(penalty.compute(params, batchManager));
            }
            beforeBackward.run();
            collector.backward(value);
        }
        return value.toType(DataType.FLOAT64, false).getDouble();
    }

    /** Mean over the batch of (KL(p|q) + KL(q|p)) / 2 = sum((p - q)(log p - log q)) / 2. */
    static NDArray symmetricKl(NDArray logitsP, NDArray logitsQ, NDManager manager) {
        NDArray logP = logitsP.logSoftmax(1);
        NDArray logQ = logitsQ.logSoftmax(1);
        return logP.exp().sub(logQ.exp()).mul(logP.sub(logQ)).sum(new int[] {1}).mean().mul(half(manager));
    }

    // Constants of the graph are libtorch-owned 0-d arrays in the batch's manager (see ClassificationLoss).
    private static NDArray half(NDManager manager) {
        return constant(manager, 0.5);
    }

    private static NDArray constant(NDManager manager, double v) {
        return manager.full(new Shape(), (float) v, DataType.FLOAT32);
    }
}

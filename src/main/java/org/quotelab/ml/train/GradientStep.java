package org.quotelab.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;

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

    /**
     * @param penalty        optional extra loss term (null for none)
     * @param beforeBackward runs between forward and backward; tests use it to force garbage collection
     */
    public GradientStep(ClassifierNet net, ClassificationLoss loss, LossPenalty penalty, Runnable beforeBackward) {
        this.net = net;
        this.loss = loss;
        this.penalty = penalty;
        this.store = new ParameterStore(net.manager(), false);
        this.beforeBackward = beforeBackward == null ? () -> { } : beforeBackward;
    }

    /** Returns the loss value; gradients are accumulated into the parameters. */
    public double run(BatchTensors batch, List<TrainableParameter> params, NDManager batchManager) {
        NDArray value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = net.block().forward(store, batch.inputs(), true).head();
            value = loss.compute(logits, batch, batchManager);
            if (penalty != null) {
                value = value.add(penalty.compute(params, batchManager));
            }
            beforeBackward.run();
            collector.backward(value);
        }
        return value.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }
}

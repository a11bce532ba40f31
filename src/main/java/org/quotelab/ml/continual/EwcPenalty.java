package org.quotelab.ml.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.weights.NoGrad;
import org.quotelab.ml.train.LossPenalty;
import org.quotelab.ml.train.TrainableParameter;

/**
 * Online EWC (Schwarz et al., 2018): {@code (lambda/2) * sum_i F_i (w_i - w*_i)^2}, where w* are the
 * weights the update starts from and F the Fisher diagonal accumulated over earlier updates.
 * Parameters without a Fisher entry of the same shape (a new head) are free.
 *
 * <p>Follows the stack's rule for autograd: lambda/2 is a libtorch-owned scalar made per batch,
 * and no (Number) arithmetic touches an array that needs a gradient. The anchor and Fisher copies
 * live in this penalty's own manager, open for the whole fine-tune.
 */
public final class EwcPenalty implements LossPenalty, AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> fisher = new LinkedHashMap<>();
    private final Map<String, NDArray> anchor = new LinkedHashMap<>();
    private final double lambda;

    private EwcPenalty(NDManager manager, double lambda) {
        this.manager = manager;
        this.lambda = lambda;
    }

    /**
     * Anchors at the net's current weights.
     *
     * @param fisherByName Fisher diagonals keyed by {@link TrainableParameter#name()}; copied
     */
    public static EwcPenalty anchoredAt(ClassifierNet net, Map<String, NDArray> fisherByName, double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("EWC lambda must be >= 0, got " + lambda);
        }
        EwcPenalty p = new EwcPenalty(net.manager().newSubManager(), lambda);
        try (NoGrad off = NoGrad.enter()) {
            NDArray one = p.manager.full(new Shape(), 1f, DataType.FLOAT32);
            for (TrainableParameter t : TrainableParameter.of(net.block())) {
                NDArray f = fisherByName.get(t.name());
                if (f == null || !Arrays.equals(f.getShape().getShape(), t.array().getShape().getShape())) {
                    continue;
                }
                // mul by a libtorch scalar makes real copies (duplicate() could share a Java buffer).
                NDArray w = t.array().mul(one);
                w.attach(p.manager);
                NDArray fc = f.mul(one);
                fc.attach(p.manager);
                p.anchor.put(t.name(), w);
                p.fisher.put(t.name(), fc);
            }
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** Names of the parameters the penalty holds. */
    public List<String> heldParameters() {
        return List.copyOf(anchor.keySet());
    }

    public double lambda() {
        return lambda;
    }

    @Override
    public NDArray compute(List<TrainableParameter> params, NDManager batchManager) {
        NDArray total = batchManager.zeros(new Shape(), DataType.FLOAT32);
        for (TrainableParameter p : params) {
            NDArray a = anchor.get(p.name());
            if (a == null) {
                continue;
            }
            // The first operand is a parameter, so DJL attaches the result to the model's manager:
            // move it to the batch so it is freed after the optimizer step.
            NDArray diff = p.array().sub(a);
            diff.attach(batchManager);
            NDArray term = diff.square().mul(fisher.get(p.name())).sum();
            total = total.add(term);
        }
        NDArray halfLambda = batchManager.full(new Shape(), (float) (lambda / 2), DataType.FLOAT32);
        return total.mul(halfLambda);
    }

    @Override
    public void close() {
        manager.close();
    }
}

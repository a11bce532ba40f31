package org.quotelab.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * An extra term added to the loss before backward, e.g. EWC's (lambda/2) sum F (w - w*)^2.
 * Implementations must follow the same rule as the losses: no (Number) arithmetic on arrays that
 * need gradients; constants via {@code manager.full(new Shape(), v, dtype)} in {@code batchManager}.
 */
public interface LossPenalty {

    /** A 0-d array, connected to the parameters' autograd graph. */
    NDArray compute(List<TrainableParameter> params, NDManager batchManager);
}

package org.quotelab.ml.weights;

import java.io.IOException;
import java.util.Map;

/** Named float tensors from a checkpoint; shapes are known before any data is read. */
public interface WeightSource {

    /** Tensor name -> shape, in file order. */
    Map<String, long[]> shapes();

    /** The values of one tensor as float32 (converted from F16/BF16 when needed). */
    float[] read(String name) throws IOException;

    /** Where the tensors come from, for error messages. */
    String description();
}

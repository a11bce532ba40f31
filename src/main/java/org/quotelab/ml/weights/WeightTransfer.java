package org.quotelab.ml.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Moves weights between parameters and plain float arrays, keyed by Hugging Face names. */
public final class WeightTransfer {

    private WeightTransfer() {
    }

    /** Every parameter as a float32 tensor under its Hugging Face name. */
    public static List<TensorData> export(Map<String, Parameter> params) {
        List<TensorData> out = new ArrayList<>();
        params.forEach((name, p) -> {
            NDArray a = p.getArray();
            out.add(new TensorData(name, a.getShape().getShape(), a.toType(DataType.FLOAT32, false).toFloatArray()));
        });
        return out;
    }

    /**
     * Copies values into the existing parameter arrays in place, so the block keeps its arrays and
     * their gradient flag. The Java data is first copied by libtorch (DJL does not copy it), then
     * added into the zeroed parameter.
     */
    public static void assign(Map<String, Parameter> params, WeightSource values, NDManager parent) throws IOException {
        try (NoGrad off = NoGrad.enter(); NDManager m = parent.newSubManager()) {
            NDArray zero = m.full(new Shape(), 0f, DataType.FLOAT32);
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                long[] shape = values.shapes().get(e.getKey());
                if (shape == null) {
                    throw new IllegalArgumentException(values.description() + " has no tensor " + e.getKey());
                }
                NDArray target = e.getValue().getArray();
                if (!Arrays.equals(target.getShape().getShape(), shape)) {
                    throw new IllegalArgumentException(e.getKey() + ": shape " + Arrays.toString(shape)
                            + " but the model has " + target.getShape());
                }
                NDArray source = m.create(values.read(e.getKey()), new Shape(shape));
                target.muli(zero).addi(source);
            }
        }
    }
}

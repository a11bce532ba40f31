package org.quotelab.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Moves weights between parameters and plain float arrays, keyed by Hugging Face names. */
public final class WeightTransfer {

    private WeightTransfer() {
    }

    static Map<String, SafetensorsFile.Tensor> export(Map<String, Parameter> params) {
        Map<String, SafetensorsFile.Tensor> out = new LinkedHashMap<>();
        params.forEach((name, p) -> {
            NDArray a = p.getArray();
            out.put(name, new SafetensorsFile.Tensor(a.getShape().getShape(),
                    a.toType(DataType.FLOAT32, false).toFloatArray()));
        });
        return out;
    }

    /**
     * Copies values into the existing parameter arrays in place, so the block keeps its arrays and
     * their gradient flag. The Java data is first copied by libtorch (DJL does not copy it), then
     * added into the zeroed parameter.
     */
    static void assign(Map<String, Parameter> params, Map<String, SafetensorsFile.Tensor> values, NDManager parent) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager m = parent.newSubManager()) {
            NDArray zero = m.full(new Shape(), 0f, DataType.FLOAT32);
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                SafetensorsFile.Tensor t = values.get(e.getKey());
                if (t == null) {
                    throw new IllegalArgumentException("weights have no tensor " + e.getKey());
                }
                NDArray target = e.getValue().getArray();
                if (!Arrays.equals(target.getShape().getShape(), t.shape())) {
                    throw new IllegalArgumentException(e.getKey() + ": shape " + Arrays.toString(t.shape())
                            + " but the model has " + target.getShape());
                }
                NDArray source = m.create(t.values(), new Shape(t.shape()));
                target.muli(zero).addi(source);
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }
}

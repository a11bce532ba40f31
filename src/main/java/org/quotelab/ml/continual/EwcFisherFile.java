package org.quotelab.ml.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.train.TrainableParameter;
import org.quotelab.ml.weights.SafetensorsReader;
import org.quotelab.ml.weights.SafetensorsWriter;
import org.quotelab.ml.weights.TensorData;

/**
 * The accumulated EWC Fisher diagonal stored beside a version's weights, under Hugging Face
 * names, so the next update can continue it. The anchor is the version's own model.safetensors.
 */
public final class EwcFisherFile {

    public static final String FILE = "ewc_fisher.safetensors";

    private EwcFisherFile() {
    }

    public static boolean exists(Path version) {
        return version != null && Files.isRegularFile(version.resolve(FILE));
    }

    /** Fisher diagonals keyed by trainable-parameter name; entries whose shape no longer fits are dropped. */
    static Map<String, NDArray> read(Path version, ClassifierModel model, NDManager manager) throws IOException {
        Map<Parameter, String> trainable = trainableNames(model);
        Map<String, NDArray> out = new LinkedHashMap<>();
        try (SafetensorsReader reader = SafetensorsReader.open(version.resolve(FILE))) {
            Map<String, long[]> shapes = reader.shapes();
            for (Map.Entry<String, Parameter> e : model.hfParameters().entrySet()) {
                long[] shape = shapes.get(e.getKey());
                String name = trainable.get(e.getValue());
                if (shape == null || name == null
                        || !Arrays.equals(shape, e.getValue().getArray().getShape().getShape())) {
                    continue;
                }
                // Created from Java data: the caller's manager stays open while these are used.
                out.put(name, manager.create(reader.read(e.getKey()), new Shape(shape)));
            }
        }
        return out;
    }

    /** Writes Fisher diagonals (keyed by trainable-parameter name) into a version folder. */
    static void write(Path version, ClassifierModel model, Map<String, NDArray> fisherByName) throws IOException {
        Map<Parameter, String> trainable = trainableNames(model);
        List<TensorData> tensors = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : model.hfParameters().entrySet()) {
            NDArray f = fisherByName.get(trainable.get(e.getValue()));
            if (f != null) {
                tensors.add(new TensorData(e.getKey(), f.getShape().getShape(),
                        f.toType(DataType.FLOAT32, false).toFloatArray()));
            }
        }
        SafetensorsWriter.write(version.resolve(FILE), tensors, Map.of("kind", "ewc-fisher-diagonal"));
    }

    private static Map<Parameter, String> trainableNames(ClassifierModel model) {
        Map<Parameter, String> byParam = new IdentityHashMap<>();
        for (TrainableParameter t : TrainableParameter.of(model.net().block())) {
            byParam.put(t.parameter(), t.name());
        }
        return byParam;
    }
}

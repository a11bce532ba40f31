package org.quotelab.ml.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.model.ModelFactory;
import org.quotelab.ml.text.TextEncoder;

/** The tiny classifier as a savable model, with its own manager. */
public final class TinyModel implements ClassifierModel {

    private final NDManager manager;
    private final ClassifierNet net;

    public TinyModel(int classes, long seed) {
        manager = NDManager.newBaseManager();
        net = TinyClassifier.create(manager, classes, seed);
    }

    public static ModelFactory factory() {
        return (folder, numLabels) -> new TinyModel(numLabels, 99);
    }

    @Override
    public ClassifierNet net() {
        return net;
    }

    @Override
    public Map<String, Parameter> hfParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            out.put(p.getValue().getName(), p.getValue());
        }
        return out;
    }

    @Override
    public Map<String, Object> hfConfig() {
        return Map.of("model_type", "bert", "hidden_size", 32);
    }

    @Override
    public TextEncoder encoder() {
        return new TinyEncoder(64);
    }

    @Override
    public byte[] tokenizerJson() {
        return null;
    }

    @Override
    public void close() {
        manager.close();
    }
}

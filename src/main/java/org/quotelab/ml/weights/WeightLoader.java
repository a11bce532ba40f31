package org.quotelab.ml.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies checkpoint tensors into model parameters keyed by Hugging Face names. Names are
 * compared after {@link #canonical(String)}, so "bert."-prefixed checkpoints and old
 * LayerNorm gamma/beta names load too. Everything is checked (missing, extra, shapes) before
 * any parameter is touched, so a bad checkpoint leaves the model as it was.
 */
public final class WeightLoader {
    private static final Logger LOG = LoggerFactory.getLogger(WeightLoader.class);

    private WeightLoader() {
    }

    /** Names that are never model weights: pretraining heads and buffers. */
    public static boolean isIgnored(String canonicalName) {
        return canonicalName.startsWith("cls.") || canonicalName.endsWith("position_ids");
    }

    /** "bert.encoder.layer.0.output.LayerNorm.gamma" -> "encoder.layer.0.output.LayerNorm.weight". */
    public static String canonical(String name) {
        String n = name.startsWith("bert.") ? name.substring(5) : name;
        if (n.endsWith("LayerNorm.gamma")) {
            n = n.substring(0, n.length() - "gamma".length()) + "weight";
        } else if (n.endsWith("LayerNorm.beta")) {
            n = n.substring(0, n.length() - "beta".length()) + "bias";
        }
        return n;
    }

    /**
     * Loads every tensor of target from source.
     *
     * @param optional target names (canonical) that may be absent from the source; they keep their values
     * @return the canonical names that were loaded
     */
    public static Set<String> load(Map<String, Parameter> target, WeightSource source, Set<String> optional)
            throws IOException {
        Map<String, Parameter> want = new LinkedHashMap<>();
        target.forEach((k, v) -> want.put(canonical(k), v));
        Map<String, String> have = new LinkedHashMap<>();
        Map<String, long[]> shapes = source.shapes();
        List<String> ignored = new ArrayList<>();
        for (String name : shapes.keySet()) {
            String c = canonical(name);
            if (isIgnored(c)) {
                ignored.add(name);
            } else if (have.put(c, name) != null) {
                throw new WeightFormatException(source.description() + ": tensor " + c + " appears twice");
            }
        }
        if (!ignored.isEmpty()) {
            LOG.info("{}: ignoring {} tensors that are not part of the encoder or classifier: {}",
                    source.description(), ignored.size(), ignored);
        }
        Set<String> missing = new TreeSet<>();
        for (String c : want.keySet()) {
            if (!have.containsKey(c) && !optional.contains(c)) {
                missing.add(c);
            }
        }
        Set<String> extra = new TreeSet<>(have.keySet());
        extra.removeAll(want.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new WeightFormatException(source.description() + ": checkpoint does not match the model;"
                    + (missing.isEmpty() ? "" : " missing tensors " + missing + ";")
                    + (extra.isEmpty() ? "" : " unexpected tensors " + extra));
        }
        for (Map.Entry<String, String> e : have.entrySet()) {
            long[] expected = want.get(e.getKey()).getShape().getShape();
            long[] actual = shapes.get(e.getValue());
            if (!Arrays.equals(expected, actual)) {
                throw new WeightFormatException(source.description() + ": tensor " + e.getValue()
                        + " has shape " + Arrays.toString(actual) + " but the model expects "
                        + Arrays.toString(expected));
            }
        }
        for (Map.Entry<String, String> e : have.entrySet()) {
            assign(want.get(e.getKey()), source.read(e.getValue()));
        }
        LOG.debug("{}: loaded {} tensors", source.description(), have.size());
        return have.keySet();
    }

    /**
     * Replaces a parameter's values. The data is cloned into libtorch-owned memory and swapped
     * into the existing array, so the Java buffer can go and the parameter keeps its identity.
     */
    public static void assign(Parameter p, float[] values) {
        NDArray target = p.getArray();
        Shape shape = target.getShape();
        if (shape.size() != values.length) {
            throw new IllegalArgumentException(p.getName() + ": " + values.length
                    + " values for shape " + shape);
        }
        try (NDManager tmp = target.getManager().newSubManager()) {
            NDArray fromJava = tmp.create(values, shape);
            target.intern(fromJava.duplicate());
        }
        target.setRequiresGradient(p.requiresGradient());
    }
}

package org.quotelab.ml.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Class index <-> label name. Built from the sorted distinct label values, so binary 0/1 labels
 * map to indexes 0 and 1, and topic names get a stable order whatever the row order.
 */
public record LabelMap(List<String> labels) {

    public LabelMap {
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a label map needs at least one label");
        }
        if (new TreeSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("duplicate labels in " + labels);
        }
    }

    /** Sorted distinct non-blank values. */
    public static LabelMap fromValues(Collection<String> values) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                sorted.add(v.trim());
            }
        }
        return new LabelMap(new ArrayList<>(sorted));
    }

    public int size() {
        return labels.size();
    }

    public String label(int index) {
        return labels.get(index);
    }

    /** Index of a label, or -1 when the label is unknown. */
    public int indexOf(String label) {
        return label == null ? -1 : labels.indexOf(label.trim());
    }

    public int[] indexes(List<String> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indexOf(values.get(i));
            if (out[i] < 0) {
                throw new IllegalArgumentException("label '" + values.get(i) + "' is not one of " + labels);
            }
        }
        return out;
    }
}

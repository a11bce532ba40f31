package org.quotelab.ml.text;

import java.util.ArrayList;
import java.util.List;

/** Turns text into token ids (with special tokens, truncated, not padded). */
public interface TextEncoder {

    EncodedExample encode(String text, int label);

    default List<EncodedExample> encodeAll(List<String> texts, int[] labels) {
        List<EncodedExample> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(encode(texts.get(i), labels == null ? -1 : labels[i]));
        }
        return out;
    }
}

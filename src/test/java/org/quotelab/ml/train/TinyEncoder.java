package org.quotelab.ml.train;

import java.util.Locale;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.text.TextEncoder;

/** Word-hash tokenizer for the tiny model: [CLS]=1, words hashed into [2, VOCAB). */
public final class TinyEncoder implements TextEncoder {

    static final int VOCAB = 512;
    private final int maxLength;

    public TinyEncoder(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public EncodedExample encode(String text, int label) {
        String[] words = text.toLowerCase(Locale.ROOT).split("\\W+");
        int n = Math.min(maxLength, words.length + 1);
        long[] ids = new long[n];
        ids[0] = 1;
        for (int i = 1; i < n; i++) {
            ids[i] = 2 + Math.floorMod(words[i - 1].hashCode(), VOCAB - 2);
        }
        return new EncodedExample(ids, new long[n], label);
    }
}

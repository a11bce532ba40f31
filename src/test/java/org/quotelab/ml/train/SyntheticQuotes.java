package org.quotelab.ml.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quotelab.ml.text.EncodedExample;

/** Generated three-topic quotes of varied length; each carries one or two topic words. */
public final class SyntheticQuotes {

    public static final List<String> LABELS = List.of("AMBIENCE", "FOOD", "SERVICE");
    private static final String[][] TOPIC_WORDS = {
        {"music", "decor", "cozy", "noisy", "view"},
        {"pizza", "pasta", "tasty", "bland", "dessert"},
        {"waiter", "staff", "rude", "friendly", "slow"},
    };
    private static final String[] FILLER = {"the", "was", "we", "really", "and", "it", "very", "our", "night",
        "again", "there", "quite", "with", "for", "visit"};

    public final List<String> texts = new ArrayList<>();
    public final int[] labels;

    public SyntheticQuotes(int n, long seed) {
        Random r = new Random(seed);
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = r.nextInt(3);
            int length = 3 + r.nextInt(r.nextInt(10) == 0 ? 40 : 12);
            StringBuilder sb = new StringBuilder();
            int topicAt = r.nextInt(length);
            for (int w = 0; w < length; w++) {
                String word = w == topicAt || r.nextInt(12) == 0
                        ? TOPIC_WORDS[label][r.nextInt(5)] : FILLER[r.nextInt(FILLER.length)];
                sb.append(word).append(' ');
            }
            texts.add(sb.toString().trim());
            labels[i] = label;
        }
    }

    public List<EncodedExample> encoded(int maxLength) {
        return new TinyEncoder(maxLength).encodeAll(texts, labels);
    }
}

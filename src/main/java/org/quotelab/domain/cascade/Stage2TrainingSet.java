package org.quotelab.domain.cascade;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed's stage-2 training set: the quotes stage 1 passed, labelled with their true topic when
 * they are truly in-topic and with class 0 ("not pertinent") when they are stage-1 false positives.
 */
public final class Stage2TrainingSet {

    /** One stage-2 example: the index of the quote in the input, and its stage-2 class 0..K. */
    public record Example(int index, int stage2Class) {
    }

    private Stage2TrainingSet() {
    }

    /**
     * @param truth          end-to-end truth per quote: 0 out-of-topic, k topic
     * @param stage1Positive stage 1's decision per quote (its own training data, or cross-fitted)
     */
    public static List<Example> build(int[] truth, boolean[] stage1Positive) {
        if (truth.length != stage1Positive.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + stage1Positive.length + " stage-1 decisions");
        }
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (stage1Positive[i]) {
                // A true topic keeps its index; an out-of-topic quote that stage 1 passed is class 0.
                out.add(new Example(i, truth[i]));
            }
        }
        return out;
    }

    /** Number of class-0 examples: the figure that decides whether stage 2 can learn class 0 at all. */
    public static long class0Count(List<Example> examples) {
        return examples.stream().filter(e -> e.stage2Class() == 0).count();
    }
}

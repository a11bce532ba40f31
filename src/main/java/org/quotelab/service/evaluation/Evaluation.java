package org.quotelab.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.metrics.ConfusionMatrix;
import org.quotelab.service.cascade.CascadeEvaluation;
import org.quotelab.service.cascade.EvaluationScope;
import org.quotelab.service.models.CascadePair;

/**
 * One cascade evaluated on labelled quotes: the figures, and for every quote its id, true and
 * predicted end-to-end class (0 out-of-topic, k topic k), so a confusion cell can name its quotes.
 *
 * @param batchIds the batches asked for; empty means all
 * @param skipped  labelled quotes left out because their topic is unknown to the cascade
 * @param scored   quotes that had no cached prediction and were scored for this evaluation
 * @param scope    which quotes, relative to what the pair saw in training; {@code scopeLabel} says it in words
 * @param intervals every figure with its support and 95 % interval; null when no quote was evaluated
 */
public record Evaluation(CascadePair pair, List<Long> batchIds, OperatingPoint at, CascadeEvaluation figures,
        long[] quoteIds, int[] truth, int[] predicted, int skipped, int scored, EvaluationScope scope,
        String scopeLabel, CascadeEvaluation.Intervals intervals) {

    public Evaluation {
        batchIds = List.copyOf(batchIds);
    }

    public ConfusionMatrix matrix() {
        return figures.endToEnd().matrix();
    }

    public int size() {
        return quoteIds.length;
    }

    /** The quotes of one confusion cell (row = true class, column = predicted class), in id order. */
    public List<Long> cell(int trueClass, int predictedClass) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < quoteIds.length; i++) {
            if (truth[i] == trueClass && predicted[i] == predictedClass) {
                ids.add(quoteIds[i]);
            }
        }
        ids.sort(null);
        return ids;
    }
}

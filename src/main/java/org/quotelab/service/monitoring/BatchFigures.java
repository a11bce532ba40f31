package org.quotelab.service.monitoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.quotelab.domain.quote.Batch;
import org.quotelab.service.cascade.EvaluationScope;
import org.quotelab.service.cascade.SeenQuotes;

/**
 * What monitoring keeps of one batch while its quotes stream past: counts for the timeline, the
 * (truth, prediction) pairs of its labelled validation quotes for the forgetting matrix, and a
 * seeded uniform sample (reservoir) of scored quotes for the drift test. Memory stays bounded by
 * the sample size and the validation share, whatever the batch size.
 */
final class BatchFigures {

    /** A labelled validation quote's true and predicted cascade class. */
    record Outcome(String truth, String predicted) {
    }

    private final Batch batch;
    private final SeenQuotes.Seen seenByCascade;
    private final int sampleSize;
    private final Random random;
    private final List<Outcome> validation = new ArrayList<>();
    private final List<ScoredQuote> sample = new ArrayList<>();
    private int quotes;
    private int labelled;
    private int correct;
    private int unlabelled;
    private int scored;
    private int seen;
    private double confidenceUnlabelled;
    private double confidenceAll;

    /** @param seen what the cascade saw: its measured accuracy counts held-out quotes only */
    BatchFigures(Batch batch, int sampleSize, long seed, SeenQuotes.Seen seen) {
        this.seenByCascade = seen;
        this.batch = batch;
        this.sampleSize = sampleSize;
        this.random = new Random(seed + batch.id());
    }

    void add(ScoredQuote q) {
        quotes++;
        if (q.evaluable() && EvaluationScope.HELD_OUT.keeps(q.quote(), seenByCascade)) {
            labelled++;
            correct += q.correct() ? 1 : 0;
            if (q.quote().validation()) {
                validation.add(new Outcome(q.truth(), q.predicted()));
            }
        }
        if (q.prediction() == null) {
            return;
        }
        scored++;
        confidenceAll += q.prediction().confidence();
        if (q.label() == null) {
            unlabelled++;
            confidenceUnlabelled += q.prediction().confidence();
        }
        // Algorithm R: every scored quote ends up in the sample with the same probability
        if (sample.size() < sampleSize) {
            sample.add(q);
        } else {
            int k = random.nextInt(seen + 1);
            if (k < sampleSize) {
                sample.set(k, q);
            }
        }
        seen++;
    }

    TimelinePoint point(int earlierCorrect, int earlierLabelled) {
        double estimated = unlabelled > 0 ? confidenceUnlabelled / unlabelled
                : scored > 0 ? confidenceAll / scored : Double.NaN;
        return new TimelinePoint(batch.id(), batch.seq(), batch.day(), quotes, labelled, unlabelled,
                ratio(correct, labelled), ratio(earlierCorrect, earlierLabelled), estimated);
    }

    /** {@code n} quotes drawn from the sample (seeded), for a reference drawn across several batches. */
    List<ScoredQuote> sample(int n, long seed) {
        List<ScoredQuote> copy = new ArrayList<>(sample);
        Collections.shuffle(copy, new Random(seed));
        return copy.subList(0, Math.min(n, copy.size()));
    }

    List<ScoredQuote> sample() {
        return sample;
    }

    List<Outcome> validation() {
        return validation;
    }

    Batch batch() {
        return batch;
    }

    int scored() {
        return scored;
    }

    int labelled() {
        return labelled;
    }

    int correct() {
        return correct;
    }

    static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}

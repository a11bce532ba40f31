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
 * (truth, prediction) pairs of its labelled validation quotes for the forgetting matrix, and two
 * seeded uniform samples (reservoirs) for the drift test: of all scored quotes, and of the scored
 * quotes no version trained on. Memory stays bounded by the sample size and the validation share,
 * whatever the batch size.
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
    private final List<ScoredQuote> heldOut = new ArrayList<>();
    private int quotes;
    private int labelled;
    private int correct;
    private int unlabelled;
    private int scored;
    private int seen;
    private int seenHeldOut;
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
        offer(sample, q, seen++);
        if (heldOut(q)) {
            offer(heldOut, q, seenHeldOut++);
        }
    }

    /**
     * True for a quote no version trained on: training and updates learn only labelled quotes
     * outside the validation part (TrainingQuotes, StoredBatch), so unlabelled and validation
     * quotes are held out whatever the version.
     */
    static boolean heldOut(ScoredQuote q) {
        return q.label() == null || q.quote().validation();
    }

    /** Algorithm R: every offered quote ends up in the reservoir with the same probability. */
    private void offer(List<ScoredQuote> reservoir, ScoredQuote q, int offeredBefore) {
        if (reservoir.size() < sampleSize) {
            reservoir.add(q);
        } else {
            int k = random.nextInt(offeredBefore + 1);
            if (k < sampleSize) {
                reservoir.set(k, q);
            }
        }
    }

    TimelinePoint point(int earlierCorrect, int earlierLabelled) {
        double estimated = unlabelled > 0 ? confidenceUnlabelled / unlabelled
                : scored > 0 ? confidenceAll / scored : Double.NaN;
        return new TimelinePoint(batch.id(), batch.seq(), batch.day(), quotes, labelled, unlabelled,
                ratio(correct, labelled), ratio(earlierCorrect, earlierLabelled), estimated);
    }

    /** {@code n} quotes drawn from the sample (seeded), for a reference drawn across several batches. */
    List<ScoredQuote> sample(int n, long seed) {
        return draw(sample, n, seed);
    }

    /** The same from the held-out reservoir. */
    List<ScoredQuote> heldOutSample(int n, long seed) {
        return draw(heldOut, n, seed);
    }

    private static List<ScoredQuote> draw(List<ScoredQuote> reservoir, int n, long seed) {
        List<ScoredQuote> copy = new ArrayList<>(reservoir);
        Collections.shuffle(copy, new Random(seed));
        return copy.subList(0, Math.min(n, copy.size()));
    }

    List<ScoredQuote> sample() {
        return sample;
    }

    List<ScoredQuote> heldOutSample() {
        return heldOut;
    }

    int heldOutScored() {
        return seenHeldOut;
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

package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.text.EncodedExample;

/** Twenty short fine-tunes in a row, each with forced collections inside steps: not one NaN. */
class RepeatedFineTunesTest {

    @Test
    void twentyRunsWithoutNaN() {
        List<EncodedExample> train = new SyntheticQuotes(96, 21).encoded(64);
        List<EncodedExample> valid = new SyntheticQuotes(30, 22).encoded(64);
        int[] step = {0};
        // A GC every third step, between forward and backward.
        Runnable sometimesCollect = () -> {
            if (++step[0] % 3 == 0) {
                System.gc();
            }
        };
        for (int run = 0; run < 20; run++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                ClassifierNet net = TinyClassifier.create(manager, 3, run);
                TrainingConfig cfg = TrainingConfig.builder().epochs(2).batchSize(16).learningRate(2e-2)
                        .seed(run).focalGamma(run % 2 == 0 ? 0 : 2)
                        .classWeighting(ClassWeighting.INVERSE).build();
                TrainingResult r = new FineTuner(cfg, null, null, sometimesCollect)
                        .fit(net, train, valid, SyntheticQuotes.LABELS, CancellationToken.none());
                assertEquals(0, r.skippedSteps(), "run " + run);
                r.epochs().forEach(e -> assertTrue(Double.isFinite(e.meanLoss())));
                assertTrue(net.weightsFinite(), "run " + run);
            }
        }
    }
}

package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.infer.Scores;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.text.EncodedExample;

class FineTunerTest {

    private static final List<EncodedExample> TRAIN = new SyntheticQuotes(240, 1).encoded(64);
    private static final List<EncodedExample> VALID = new SyntheticQuotes(90, 2).encoded(64);

    private static TrainingConfig config() {
        return TrainingConfig.builder().epochs(3).batchSize(16).learningRate(2e-2).seed(7).build();
    }

    @Test
    void shortFineTuneLearnsAndReportsProgress() {
        List<StepProgress> steps = new ArrayList<>();
        List<EpochSummary> epochs = new ArrayList<>();
        FineTuneListener listener = new FineTuneListener() {
            @Override
            public void onStep(StepProgress p) {
                steps.add(p);
            }

            @Override
            public void onEpoch(EpochSummary s) {
                epochs.add(s);
            }
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 7);
            double before = Scorer.evaluate(net, VALID, SyntheticQuotes.LABELS, 64).accuracy();
            int arraysBefore = manager.getManagedArrays().size();
            TrainingResult result = new FineTuner(config(), listener).fit(net, TRAIN, VALID, SyntheticQuotes.LABELS,
                    CancellationToken.none());
            assertEquals(45, steps.size());
            assertEquals(3, epochs.size());
            assertEquals(0, result.skippedSteps());
            assertTrue(epochs.get(2).meanLoss() < epochs.get(0).meanLoss(), "loss goes down");
            assertTrue(result.validation().accuracy() > 0.9, "accuracy " + result.validation().accuracy()
                    + " (before " + before + ")");
            // Warm-up (10 % of 45 steps = 5) then linear decay.
            assertEquals(2e-2 / 5, steps.get(0).learningRate(), 1e-12);
            assertEquals(2e-2, steps.get(4).learningRate(), 1e-12);
            assertTrue(steps.get(44).learningRate() < 1e-3);
            // Per-batch arrays and gradient wrappers must not pile up in the model's manager.
            assertTrue(manager.getManagedArrays().size() <= arraysBefore + 2,
                    "leaked arrays: " + (manager.getManagedArrays().size() - arraysBefore));
        }
    }

    @Test
    void sameSeedSameDataGiveSameMetrics() {
        double[] first = run();
        double[] second = run();
        assertArrayEquals(first, second);
    }

    private static double[] run() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 7);
            TrainingConfig cfg = config().toBuilder().focalGamma(2).classWeighting(ClassWeighting.SQRT_INVERSE)
                    .build();
            TrainingResult r = new FineTuner(cfg, null).fit(net, TRAIN, VALID, SyntheticQuotes.LABELS,
                    CancellationToken.none());
            List<Double> out = new ArrayList<>();
            r.epochs().forEach(e -> out.add(e.meanLoss()));
            out.add(r.validation().macro().f1());
            Scores s = Scorer.score(net, VALID, 64);
            for (float[] p : s.probabilities()) {
                out.add((double) p[0]);
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    @Test
    void nonFiniteStepIsSkippedAndReported() {
        int[] calls = {0};
        // The third step's loss becomes NaN through the penalty hook.
        LossPenalty poison = (params, m) -> m.full(new Shape(), ++calls[0] == 3 ? Float.NaN : 0f, DataType.FLOAT32);
        List<StepProgress> steps = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 7);
            TrainingResult r = new FineTuner(config().toBuilder().epochs(1).build(), new FineTuneListener() {
                @Override
                public void onStep(StepProgress p) {
                    steps.add(p);
                }
            }, poison, null).fit(net, TRAIN, VALID, SyntheticQuotes.LABELS, CancellationToken.none());
            assertEquals(1, r.skippedSteps());
            assertTrue(steps.get(2).skipped());
            assertEquals(1, steps.get(14).skippedSteps());
            assertTrue(net.weightsFinite());
            assertTrue(r.validation().accuracy() > 0.5);
        }
    }

    @Test
    void cancellationStopsBetweenSteps() {
        CancellationToken token = new CancellationToken();
        int[] seen = {0};
        FineTuneListener cancelAfterTwo = new FineTuneListener() {
            @Override
            public void onStep(StepProgress p) {
                if (++seen[0] == 2) {
                    token.cancel();
                }
            }
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 7);
            assertThrows(TrainingCancelledException.class,
                    () -> new FineTuner(config(), cancelAfterTwo).fit(net, TRAIN, VALID, SyntheticQuotes.LABELS, token));
            assertEquals(2, seen[0]);
        }
    }

    @Test
    void bestEpochWeightsAreKept() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 7);
            TrainingResult r = new FineTuner(config(), null).fit(net, TRAIN, VALID, SyntheticQuotes.LABELS,
                    CancellationToken.none());
            double now = Scorer.evaluate(net, VALID, SyntheticQuotes.LABELS, 64).macro().f1();
            assertEquals(r.validation().macro().f1(), now, 1e-12);
            double bestScore = r.epochs().stream().mapToDouble(EpochSummary::selectionScore).max().orElseThrow();
            assertEquals(bestScore, r.epochs().get(r.bestEpoch() - 1).selectionScore());
            NDArray any = TrainableParameter.of(net.block()).get(0).array();
            assertTrue(any.hasGradient(), "still trainable after restore");
        }
    }
}

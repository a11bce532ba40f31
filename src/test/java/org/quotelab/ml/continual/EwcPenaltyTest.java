package org.quotelab.ml.continual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.ml.train.FineTuner;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.train.SyntheticQuotes;
import org.quotelab.ml.train.TinyClassifier;
import org.quotelab.ml.train.TinyModel;
import org.quotelab.ml.train.TrainableParameter;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneRun;
import org.quotelab.ml.versions.ModelVersions;

class EwcPenaltyTest {

    private static final List<EncodedExample> TRAIN_A = new SyntheticQuotes(240, 1).encoded(64);
    private static final List<EncodedExample> TEST_A = new SyntheticQuotes(120, 2).encoded(64);
    /** Task B: new quotes of two topics only; plain fine-tuning on it forgets the third (SERVICE). */
    private static final List<EncodedExample> TRAIN_B = new SyntheticQuotes(360, 3).encoded(64).stream()
            .filter(e -> e.label() != 2).toList();
    private static final double LAMBDA = 2000;

    private static TrainingConfig config() {
        return TrainingConfig.builder().epochs(3).batchSize(16).learningRate(2e-2).seed(7).build();
    }

    /** Task A, then task B with or without EWC: the Fisher-weighted drift, the top-Fisher drift, task-A accuracy. */
    private static double[] afterTwoTasks(boolean ewc) {
        try (NDManager manager = NDManager.newBaseManager(); NDManager out = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 7);
            new FineTuner(config(), null).fit(net, TRAIN_A, List.of(), SyntheticQuotes.LABELS, CancellationToken.none());
            double accA = Scorer.evaluate(net, TEST_A, SyntheticQuotes.LABELS, 64).accuracy();
            assertTrue(accA > 0.9, "task A learned: " + accA);
            Map<String, NDArray> fisher = FisherEstimator.diagonal(net, TRAIN_A.subList(0, 120), out);
            Map<String, float[]> anchor = weights(net);
            try (EwcPenalty penalty = ewc ? EwcPenalty.anchoredAt(net, fisher, LAMBDA) : null) {
                new FineTuner(config(), null, penalty, null).fit(net, TRAIN_B, List.of(), SyntheticQuotes.LABELS,
                        CancellationToken.none());
            }
            Map<String, float[]> after = weights(net);
            double weighted = 0;
            List<double[]> fd = new ArrayList<>();
            for (Map.Entry<String, NDArray> e : fisher.entrySet()) {
                float[] f = e.getValue().toFloatArray();
                float[] a = anchor.get(e.getKey());
                float[] w = after.get(e.getKey());
                for (int i = 0; i < f.length; i++) {
                    double d = w[i] - a[i];
                    weighted += f[i] * d * d;
                    fd.add(new double[] {f[i], Math.abs(d)});
                }
            }
            // The 5 % most important weights by Fisher: their mean distance to the anchor.
            fd.sort((x, y) -> Double.compare(y[0], x[0]));
            int top = Math.max(1, fd.size() / 20);
            double topDistance = fd.subList(0, top).stream().mapToDouble(x -> x[1]).average().orElse(0);
            double keptA = Scorer.evaluate(net, TEST_A, SyntheticQuotes.LABELS, 64).accuracy();
            return new double[] {weighted, topDistance, keptA};
        }
    }

    private static Map<String, float[]> weights(ClassifierNet net) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (TrainableParameter p : TrainableParameter.of(net.block())) {
            out.put(p.name(), p.array().toFloatArray());
        }
        return out;
    }

    @Test
    void ewcHoldsImportantWeightsNearTheAnchorAndKeepsTaskA() {
        double[] naive = afterTwoTasks(false);
        double[] ewc = afterTwoTasks(true);
        org.slf4j.LoggerFactory.getLogger(EwcPenaltyTest.class).info("naive {} ewc {}", Arrays.toString(naive),
                Arrays.toString(ewc));
        assertTrue(ewc[0] < naive[0] / 2, "Fisher-weighted drift: ewc " + ewc[0] + " naive " + naive[0]);
        assertTrue(ewc[1] < naive[1], "top-Fisher distance: ewc " + ewc[1] + " naive " + naive[1]);
        assertTrue(ewc[2] > naive[2] + 0.1, "task-A accuracy kept: ewc " + ewc[2] + " naive " + naive[2]);
    }

    @Test
    void penaltyIsHalfLambdaTimesFisherWeightedSquaredDistance() {
        try (NDManager manager = NDManager.newBaseManager(); NDManager out = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 5);
            Map<String, NDArray> fisher = FisherEstimator.diagonal(net, TRAIN_A.subList(0, 10), out);
            Map<String, float[]> anchor = weights(net);
            try (EwcPenalty penalty = EwcPenalty.anchoredAt(net, fisher, 3.0)) {
                assertEquals(fisher.size(), penalty.heldParameters().size());
                new FineTuner(config(), null).fit(net, TRAIN_B.subList(0, 32), List.of(), SyntheticQuotes.LABELS,
                        CancellationToken.none());
                double expected = 0;
                for (TrainableParameter p : TrainableParameter.of(net.block())) {
                    float[] f = fisher.get(p.name()).toFloatArray();
                    float[] w = p.array().toFloatArray();
                    float[] a = anchor.get(p.name());
                    for (int i = 0; i < f.length; i++) {
                        expected += f[i] * (w[i] - a[i]) * (w[i] - a[i]);
                    }
                }
                expected *= 1.5;
                try (NDManager batch = manager.newSubManager()) {
                    double got = penalty.compute(TrainableParameter.of(net.block()), batch).getFloat();
                    assertEquals(expected, got, Math.max(1e-9, expected * 1e-4));
                    assertTrue(got > 0);
                }
            }
        }
    }

    @Test
    void updatesSaveTheAccumulatedFisherAndContinueIt(@TempDir Path dir) throws Exception {
        FineTuneRun.ModelSource source = (base, n, cfg) -> "tiny-test".equals(base)
                ? new TinyModel(n, 7) : ModelVersions.load(Path.of(base), TinyModel.factory());
        SyntheticQuotes a = new SyntheticQuotes(60, 11);
        List<String> labels = Arrays.stream(a.labels).mapToObj(SyntheticQuotes.LABELS::get).toList();
        ContinualTrainer trainer = new ContinualTrainer(source, null);
        ContinualTrainer.Ewc ewc = new ContinualTrainer.Ewc(100, 0.9, 20);
        ContinualTrainer.Request first = new ContinualTrainer.Request("tiny-test", SyntheticQuotes.LABELS, a.texts,
                labels, config(), ewc, Map.of("strategy", "ewc"), "test");
        Path v1 = trainer.train(first, dir.resolve("v1"), () -> false).version();
        assertTrue(EwcFisherFile.exists(v1));
        ContinualTrainer.Request second = new ContinualTrainer.Request(v1.toString(), SyntheticQuotes.LABELS, a.texts,
                labels, config(), ewc, Map.of("strategy", "ewc", "ewc_lambda", 100.0), "test");
        ContinualTrainer.Outcome o = trainer.train(second, dir.resolve("v2"), () -> false);
        assertTrue(EwcFisherFile.exists(o.version()));
        assertEquals(v1.toAbsolutePath().normalize().toString(), o.provenance().parentVersion());
        assertTrue(Files.readString(o.version().resolve(ModelVersions.PROVENANCE)).contains("ewc_lambda"));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "no staging folders left behind");
        }
    }
}

package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.text.EncodedExample;

/** Linear probing, then fine-tuning: the head-only epochs leave the encoder as it was. */
class HeadFirstTest {

    @Test
    void headOnlyEpochsMoveThePoolerAndClassifierOnlyThenEverythingMoves() throws Exception {
        SyntheticQuotes data = new SyntheticQuotes(48, 61);
        TrainingConfig cfg = TrainingConfig.builder().epochs(1).headEpochs(2).headLearningRate(1e-2)
                .batchSize(8).learningRate(3e-3).maxLength(64).seed(5).build();
        try (ClassifierModel model = BertModels.open(BertModels.TINY, 3, cfg, ComputeDevice.AUTO)) {
            List<TrainableParameter> params = TrainableParameter.of(model.net().block());
            List<TrainableParameter> head = LayerDecay.head(params);
            assertTrue(head.stream().anyMatch(p -> p.name().contains("classifier")), "head: " + names(head));
            assertTrue(head.stream().noneMatch(p -> p.name().contains("embeddings")
                    || LayerDecay.layerOf(p.name()) >= 0), "head: " + names(head));
            List<float[]> initial = values(params);
            int headSteps = 2 * 6;
            List<List<float[]>> afterHead = new ArrayList<>();
            List<StepProgress> steps = new ArrayList<>();
            FineTuneListener listener = new FineTuneListener() {
                @Override
                public void onStep(StepProgress p) {
                    steps.add(p);
                    if (p.step() == headSteps) {
                        afterHead.add(values(params));
                    }
                }
            };
            List<EncodedExample> examples = model.encoder().encodeAll(data.texts, data.labels);
            TrainingResult r = new FineTuner(cfg, listener).fit(model.net(), examples, examples,
                    SyntheticQuotes.LABELS, CancellationToken.none());
            assertEquals(18, steps.size());
            assertEquals(18, r.steps());
            assertEquals(3, steps.get(0).epochs());
            assertEquals(1e-2, steps.stream().mapToDouble(StepProgress::learningRate).max().orElseThrow(), 1e-12);
            assertEquals(1, r.epochs().size());
            List<float[]> end = values(params);
            for (int i = 0; i < params.size(); i++) {
                boolean isHead = head.contains(params.get(i));
                boolean movedInHeadPhase = !Arrays.equals(initial.get(i), afterHead.get(0).get(i));
                assertEquals(isHead, movedInHeadPhase, params.get(i).name());
                if (!isHead) {
                    assertFalse(Arrays.equals(initial.get(i), end.get(i)), "fine-tuned: " + params.get(i).name());
                }
            }
        }
    }

    private static List<float[]> values(List<TrainableParameter> params) {
        return params.stream().map(p -> p.array().toFloatArray()).toList();
    }

    private static List<String> names(List<TrainableParameter> params) {
        return params.stream().map(TrainableParameter::name).toList();
    }
}

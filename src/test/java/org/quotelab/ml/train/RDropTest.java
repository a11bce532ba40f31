package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.text.BatchTensors;
import org.quotelab.ml.text.EncodedExample;

class RDropTest {

    @Test
    void symmetricKlMatchesAHandComputedPair() {
        try (NDManager m = NDManager.newBaseManager()) {
            // p = softmax(0, ln 3) = (1/4, 3/4), q = (1/2, 1/2); a second row compares q with itself.
            NDArray p = m.create(new float[][] {{0f, (float) Math.log(3)}, {0f, 0f}});
            NDArray q = m.create(new float[][] {{0f, 0f}, {0f, 0f}});
            double row = ((0.25 - 0.5) * Math.log(0.5) + (0.75 - 0.5) * Math.log(1.5)) / 2;
            assertEquals(row / 2, GradientStep.symmetricKl(p, q, m).getFloat(), 1e-6);
            assertEquals(0.0, GradientStep.symmetricKl(q, q, m).getFloat(), 0.0);
        }
    }

    @Test
    void withoutDropoutBothPassesAgreeAndTheLossIsPlainCrossEntropy() throws Exception {
        SyntheticQuotes data = new SyntheticQuotes(16, 71);
        TrainingConfig cfg = TrainingConfig.builder().dropout(0).maxLength(64).build();
        try (ClassifierModel model = BertModels.open(BertModels.TINY, 3, cfg, ComputeDevice.AUTO);
             NDManager batchManager = model.net().manager().newSubManager()) {
            List<EncodedExample> examples = model.encoder().encodeAll(data.texts, data.labels);
            List<TrainableParameter> params = TrainableParameter.of(model.net().block());
            Gradients.attach(params);
            int[] all = java.util.stream.IntStream.range(0, examples.size()).toArray();
            BatchTensors batch = BatchTensors.of(batchManager, examples, all, 0, 3, null);
            ClassificationLoss ce = new ClassificationLoss(0);
            double plain = new GradientStep(model.net(), ce, null, null).run(batch, params, batchManager);
            Gradients.zero(params);
            double rdrop = new GradientStep(model.net(), ce, null, null, 4.0).run(batch, params, batchManager);
            Gradients.zero(params);
            assertTrue(plain > 0.5, "untrained loss " + plain);
            assertEquals(plain, rdrop, 1e-6);
        }
    }
}

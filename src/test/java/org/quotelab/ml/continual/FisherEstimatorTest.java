package org.quotelab.ml.continual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.train.SyntheticQuotes;
import org.quotelab.ml.train.TinyClassifier;
import org.quotelab.ml.train.TrainingCancelledException;

class FisherEstimatorTest {

    @Test
    void fisherIsTheMeanOfSquaredPerExampleGradients() {
        List<EncodedExample> data = new SyntheticQuotes(6, 41).encoded(32);
        try (NDManager manager = NDManager.newBaseManager(); NDManager out = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 3);
            // Without dropout randomness the estimate is exact: compare with two hand-run examples.
            ((TinyClassifier) net.block()).dropout(0f);
            Map<String, NDArray> fisher = FisherEstimator.diagonal(net, data.subList(0, 2), out);
            float[] expected = new float[3];
            for (int i = 0; i < 2; i++) {
                Map<String, NDArray> one = FisherEstimator.diagonal(net, data.subList(i, i + 1), out);
                float[] g2 = one.get("classifier.bias").toFloatArray();
                for (int c = 0; c < 3; c++) {
                    expected[c] += g2[c] / 2;
                }
            }
            float[] got = fisher.get("classifier.bias").toFloatArray();
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[c], got[c], 1e-7);
                assertTrue(got[c] > 0);
            }
            assertEquals(5, fisher.size());
        }
    }

    @Test
    void aCancelStopsTheEstimateBetweenExamples() {
        List<EncodedExample> data = new SyntheticQuotes(6, 43).encoded(32);
        try (NDManager manager = NDManager.newBaseManager(); NDManager out = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 3);
            int[] asked = {0};
            TrainingCancelledException e = assertThrows(TrainingCancelledException.class,
                    () -> FisherEstimator.diagonal(net, data, out, () -> ++asked[0] > 2));
            assertEquals(3, asked[0]);
            assertTrue(e.getMessage().contains("example 3 of 6"), e.getMessage());
        }
    }
}

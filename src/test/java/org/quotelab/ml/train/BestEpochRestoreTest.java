package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.weights.NoGrad;

/**
 * The best epoch's weights are restored on whatever thread trained: the app trains on job
 * threads, where libtorch's grad mode starts on, unlike the thread that started the engine.
 */
class BestEpochRestoreTest {

    @Test
    void snapshotAndRestoreWorkOnAFreshThreadWithGradientsAttached() throws Exception {
        ExecutorService fresh = Executors.newSingleThreadExecutor();
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassifierNet net = TinyClassifier.create(manager, 3, 7);
            List<TrainableParameter> params = TrainableParameter.of(net.block());
            Gradients.attach(params);
            float[] before = params.get(0).array().toFloatArray();
            CompletableFuture.runAsync(() -> {
                try (NDManager snapshots = manager.newSubManager()) {
                    List<NDArray> best = FineTuner.snapshot(params, snapshots, null);
                    try (NoGrad off = NoGrad.enter()) {
                        params.forEach(p -> p.array().muli(3));
                    }
                    FineTuner.restore(params, best, snapshots);
                }
            }, fresh).get(60, TimeUnit.SECONDS);
            assertArrayEquals(before, params.get(0).array().toFloatArray());
            assertTrue(params.get(0).array().hasGradient(), "still a trainable leaf");
        } finally {
            fresh.shutdownNow();
        }
    }
}

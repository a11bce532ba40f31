package org.quotelab.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.ml.infer.ThreadPolicy;

/** Batched inference for evaluation: length-sorted batches, softmax, results back in input order. */
public final class Scorer {

    private Scorer() {
    }

    public static Scores score(ClassifierNet net, List<EncodedExample> examples, int batchSize) {
        float[][] probs = new float[examples.size()][];
        ParameterStore store = new ParameterStore(net.manager(), false);
        for (int[] index : BatchPlanner.inferenceBatches(BatchPlanner.lengths(examples), batchSize)) {
            try (ThreadPolicy.Lease threads = ThreadPolicy.begin();
                    NDManager batchManager = net.manager().newSubManager()) {
                BatchTensors batch = BatchTensors.of(batchManager, examples, index, 0, 0, null);
                NDArray logits = net.block().forward(store, batch.inputs(), false).head();
                float[] flat = logits.softmax(1).toFloatArray();
                int c = (int) logits.getShape().get(1);
                for (int r = 0; r < index.length; r++) {
                    float[] row = new float[c];
                    System.arraycopy(flat, r * c, row, 0, c);
                    probs[index[r]] = row;
                }
            }
        }
        return new Scores(probs);
    }

    /** Classification report of the net on labelled examples. */
    public static ClassificationReport evaluate(ClassifierNet net, List<EncodedExample> examples, List<String> labels,
                                                int batchSize) {
        Scores scores = score(net, examples, batchSize);
        int[] truth = examples.stream().mapToInt(EncodedExample::label).toArray();
        return ClassificationReport.of(truth, scores.predicted(), labels);
    }
}

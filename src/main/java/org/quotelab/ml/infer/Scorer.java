package org.quotelab.ml.infer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.ml.bert.BertClassifier;
import org.quotelab.ml.bert.Pooling;
import org.quotelab.ml.model.ClassifierNet;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.text.BatchPlanner;
import org.quotelab.ml.text.BatchTensors;
import org.quotelab.ml.text.EncodedExample;

/**
 * Batched inference, the one scorer: class probabilities (softmax of the logits) and sentence
 * embeddings (mean-pooled, L2-normalised). Examples are sorted by token count and cut into batches
 * that are padded only to their longest member; results come back in input order.
 *
 * <p>An instance scores texts with a {@link QuoteClassifier}. It is thread-confined: use one
 * instance from one thread at a time. libtorch's grad mode is per thread, so each call switches
 * it off on the calling thread; the classifier must not be training on another thread at the
 * same time. The static methods score encoded examples with any {@link ClassifierNet} (the
 * trainer's validation) and leave grad mode as it is.
 */
public final class Scorer {

    public static final int DEFAULT_BATCH_SIZE = 32;

    private final QuoteClassifier classifier;
    private final int batchSize;

    public Scorer(QuoteClassifier classifier, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.classifier = classifier;
        this.batchSize = batchSize;
    }

    /** Probabilities [texts][labels], in input order. */
    public float[][] probabilities(List<String> texts) {
        return run(texts, 0, probabilities(classifier.net()));
    }

    /**
     * Probabilities and the encoder features (masked mean of the last hidden state, L2-normalised
     * as {@link #embeddings}) of one forward pass per batch, in input order: what the unfamiliar
     * score needs without a second pass.
     */
    public Scores scores(List<String> texts) {
        if (texts.isEmpty()) {
            return new Scores(new float[0][], new float[0][]);
        }
        noGrad();
        return scoreWithFeatures(classifier.net(), classifier.encoder().encodeAll(texts, null), batchSize);
    }

    /** As {@link #probabilities} but every batch padded to fixedLength tokens (benchmark baseline). */
    public float[][] probabilitiesPaddedTo(List<String> texts, int fixedLength) {
        if (fixedLength < classifier.tokenizer().maxTokens()) {
            throw new IllegalArgumentException("fixed length " + fixedLength + " is shorter than the "
                    + classifier.tokenizer().maxTokens() + "-token truncation");
        }
        return run(texts, fixedLength, probabilities(classifier.net()));
    }

    /** Mean-pooled, L2-normalised encoder outputs [texts][hidden], in input order. */
    public float[][] embeddings(List<String> texts) {
        ParameterStore store = new ParameterStore(classifier.net().manager(), false);
        return run(texts, 0, inputs -> {
            NDList encoded = classifier.block().encoder().forward(store, inputs, false);
            return Pooling.l2Normalize(Pooling.meanPool(encoded.get(0), inputs.get(1)));
        });
    }

    /**
     * Mean-pooled encoder outputs [texts][hidden], not normalised: exactly what a mean-pooling
     * classifier's head sees, so a linear head fitted on them drops into the model unchanged.
     */
    public float[][] pooled(List<String> texts) {
        ParameterStore store = new ParameterStore(classifier.net().manager(), false);
        return run(texts, 0, inputs -> {
            NDList encoded = classifier.block().encoder().forward(store, inputs, false);
            return Pooling.meanPool(encoded.get(0), inputs.get(1));
        });
    }

    /** Class probabilities of encoded examples, in their order. */
    public static Scores score(ClassifierNet net, List<EncodedExample> examples, int batchSize) {
        return new Scores(run(net, examples, batchSize, 0, probabilities(net)));
    }

    /**
     * Class probabilities and encoder features (L2-normalised masked mean of the last hidden
     * state) of encoded examples, in their order, from one forward pass; the net must be a
     * {@link BertClassifier}. Normalised, because unrelated text tends to get short feature
     * vectors whose direction, not length, sets it apart (docs/decisions/0017-unfamiliar-score.md).
     */
    public static Scores scoreWithFeatures(ClassifierNet net, List<EncodedExample> examples, int batchSize) {
        if (!(net.block() instanceof BertClassifier bert)) {
            throw new IllegalArgumentException("features need a BERT classifier, not " + net.block().getClass());
        }
        ParameterStore store = new ParameterStore(net.manager(), false);
        int c = net.numClasses();
        // probabilities and features side by side in one [B, C + H] array, split per row below
        float[][] joined = run(net, examples, batchSize, 0, inputs -> {
            NDList out = bert.forwardWithFeatures(store, inputs);
            return out.get(0).softmax(-1).concat(Pooling.l2Normalize(out.get(1)), 1);
        });
        float[][] p = new float[joined.length][];
        float[][] f = new float[joined.length][];
        for (int i = 0; i < joined.length; i++) {
            p[i] = java.util.Arrays.copyOfRange(joined[i], 0, c);
            f[i] = java.util.Arrays.copyOfRange(joined[i], c, joined[i].length);
        }
        return new Scores(p, f);
    }

    /** Classification report of the net on labelled examples. */
    public static ClassificationReport evaluate(ClassifierNet net, List<EncodedExample> examples, List<String> labels,
                                                int batchSize) {
        Scores scores = score(net, examples, batchSize);
        int[] truth = examples.stream().mapToInt(EncodedExample::label).toArray();
        return ClassificationReport.of(truth, scores.predicted(), labels);
    }

    private float[][] run(List<String> texts, int width, Function<NDList, NDArray> forward) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        noGrad();
        List<EncodedExample> examples = classifier.encoder().encodeAll(texts, null);
        return run(classifier.net(), examples, batchSize, width, forward);
    }

    private static Function<NDList, NDArray> probabilities(ClassifierNet net) {
        ParameterStore store = new ParameterStore(net.manager(), false);
        return inputs -> net.block().forward(store, inputs, false).head().softmax(-1);
    }

    /** Rows of forward's [batch, width] result, in input order; width 0 pads to the longest member. */
    private static float[][] run(ClassifierNet net, List<EncodedExample> examples, int batchSize, int width,
                                 Function<NDList, NDArray> forward) {
        float[][] out = new float[examples.size()][];
        // Similar lengths share a batch, so little work is spent on padding.
        List<int[]> batches = BatchPlanner.inferenceBatches(BatchPlanner.lengths(examples), batchSize);
        try (ThreadPolicy.Lease threads = ThreadPolicy.begin()) {
            int n = threads.refresh();
            if (n > 1 && batches.size() > 1 && "PyTorch".equals(Engine.getInstance().getEngineName())) {
                // Whole batches side by side, one libtorch thread each: no OpenMP barrier inside an
                // operation, so two cores keep busy on these small matrices (ADR 0013).
                boolean gradMode = JniUtils.isGradMode();
                AtomicInteger next = new AtomicInteger();
                ThreadPolicy.inParallel(Math.min(n, batches.size()), () -> {
                    ThreadPolicy.applyOnThisThread(1);
                    JniUtils.setGradMode(gradMode);
                    for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                        score(net, examples, batches.get(b), width, forward, out);
                    }
                });
            } else {
                for (int[] index : batches) {
                    threads.refresh();
                    score(net, examples, index, width, forward, out);
                }
            }
        }
        return out;
    }

    private static void score(ClassifierNet net, List<EncodedExample> examples, int[] index, int width,
                              Function<NDList, NDArray> forward, float[][] out) {
        try (NDManager batchManager = net.manager().newSubManager()) {
            BatchTensors batch = BatchTensors.of(batchManager, examples, index, width, 0, null);
            NDArray result = forward.apply(batch.inputs());
            float[] flat = result.toFloatArray();
            int c = (int) result.getShape().get(1);
            for (int r = 0; r < index.length; r++) {
                float[] row = new float[c];
                System.arraycopy(flat, r * c, row, 0, c);
                out[index[r]] = row;
            }
        }
    }

    /** Inference must not record an autograd graph; grad mode is thread-local in libtorch. */
    private static void noGrad() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}

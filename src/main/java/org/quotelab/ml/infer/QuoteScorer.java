package org.quotelab.ml.infer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.quotelab.ml.QuoteClassifier;
import org.quotelab.ml.bert.BertClassifier;
import org.quotelab.ml.bert.Pooling;

/**
 * Batched inference: class probabilities (softmax of the logits) and sentence embeddings
 * (mean-pooled, L2-normalised). Texts are sorted by token count and cut into batches that are
 * padded only to their longest member; results come back in input order.
 *
 * <p>Thread-confined: use one instance from one thread at a time. libtorch's grad mode is
 * per thread, so each call switches it off on the calling thread; the classifier must not be
 * training on another thread at the same time.
 */
public final class QuoteScorer {

    public static final int DEFAULT_BATCH_SIZE = 32;

    private final QuoteClassifier classifier;
    private final int batchSize;

    public QuoteScorer(QuoteClassifier classifier, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.classifier = classifier;
        this.batchSize = batchSize;
    }

    /** Probabilities [texts][labels], in input order. */
    public float[][] probabilities(List<String> texts) {
        return run(texts, 0, this::probabilities);
    }

    /** As {@link #probabilities} but every batch padded to fixedLength tokens (benchmark baseline). */
    public float[][] probabilitiesPaddedTo(List<String> texts, int fixedLength) {
        if (fixedLength < classifier.tokenizer().maxTokens()) {
            throw new IllegalArgumentException("fixed length " + fixedLength + " is shorter than the "
                    + classifier.tokenizer().maxTokens() + "-token truncation");
        }
        return run(texts, fixedLength, this::probabilities);
    }

    /** Mean-pooled, L2-normalised encoder outputs [texts][hidden], in input order. */
    public float[][] embeddings(List<String> texts) {
        return run(texts, 0, this::embeddings);
    }

    private NDArray probabilities(NDList inputs) {
        BertClassifier block = classifier.block();
        NDArray logits = block.forward(store(inputs), inputs, false).head();
        return logits.softmax(-1);
    }

    private NDArray embeddings(NDList inputs) {
        NDList encoded = classifier.block().encoder().forward(store(inputs), inputs, false);
        return Pooling.l2Normalize(Pooling.meanPool(encoded.get(0), inputs.get(1)));
    }

    private static ParameterStore store(NDList inputs) {
        return new ParameterStore(inputs.head().getManager(), false);
    }

    private float[][] run(List<String> texts, int fixedLength, Function<NDList, NDArray> forward) {
        float[][] out = new float[texts.size()][];
        if (texts.isEmpty()) {
            return out;
        }
        noGrad();
        List<QuoteTokenizer.Tokens> tokens = classifier.tokenizer().tokenize(texts);
        // Similar lengths share a batch, so little work is spent on padding.
        int[] order = IntStream.range(0, tokens.size()).boxed()
                .sorted(Comparator.comparingInt(i -> tokens.get(i).length()))
                .mapToInt(Integer::intValue).toArray();
        NDManager parent = classifier.model().getNDManager();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<QuoteTokenizer.Tokens> members = new ArrayList<>(end - start);
            for (int k = start; k < end; k++) {
                members.add(tokens.get(order[k]));
            }
            TokenBatch batch = fixedLength > 0
                    ? QuoteTokenizer.padTo(members, fixedLength)
                    : QuoteTokenizer.pad(members);
            try (ThreadPolicy.Lease threads = ThreadPolicy.begin();
                    NDManager m = parent.newSubManager()) {
                Shape shape = new Shape(batch.batch(), batch.length());
                NDList inputs = new NDList(
                        m.create(batch.inputIds(), shape),
                        m.create(batch.attentionMask(), shape),
                        m.create(batch.tokenTypeIds(), shape));
                NDArray result = forward.apply(inputs);
                float[] flat = result.toFloatArray();
                int width = (int) result.getShape().get(1);
                for (int k = start; k < end; k++) {
                    float[] row = new float[width];
                    System.arraycopy(flat, (k - start) * width, row, 0, width);
                    out[order[k]] = row;
                }
            }
        }
        return out;
    }

    /** Inference must not record an autograd graph; grad mode is thread-local in libtorch. */
    private static void noGrad() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}

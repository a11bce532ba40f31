package org.quotelab.ml.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.bert.BertConfig;
import org.quotelab.ml.bert.Pooling;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.infer.ThreadPolicy;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.model.QuoteClassifiers;

/** Behaviour of the encoder and the scorer on small random BERTs (fast, no pretrained weights). */
class TinyBertTest {

    static final List<String> TEXTS = List.of(
            "tasty", "the waiter forgot our order twice and never apologised", "ok",
            "Nice view, average food.", "", "Would not recommend the place to anyone who likes fresh fish.",
            "cheap", "The desserts are to die for; the coffee, not so much.");

    static QuoteClassifier pooled;
    static QuoteClassifier meanPooled;

    @BeforeAll
    static void build() throws IOException {
        pooled = QuoteClassifiers.tinyRandom(BertConfig.tiny(), true, 4, 3L, ComputeDevice.AUTO);
        meanPooled = QuoteClassifiers.tinyRandom(BertConfig.tiny(), false, 4, 3L, ComputeDevice.AUTO);
    }

    @AfterAll
    static void close() {
        pooled.close();
        meanPooled.close();
    }

    @Test
    void paddingDoesNotChangeClsOrMeanOfRealTokens() {
        long[] ids = {101, 7592, 2088, 1010, 102};
        for (QuoteClassifier c : List.of(pooled, meanPooled)) {
            try (NDManager m = c.model().getNDManager().newSubManager()) {
                NDList plain = encode(c, m, ids, new long[] {1, 1, 1, 1, 1});
                // Padding with arbitrary ids must not matter: only the mask hides them.
                long[] padded = {101, 7592, 2088, 1010, 102, 2000, 999, 4321};
                NDList withPad = encode(c, m, padded, new long[] {1, 1, 1, 1, 1, 0, 0, 0});
                NDArray realA = plain.get(0);
                NDArray realB = withPad.get(0).get(new NDIndex(":, 0:5, :"));
                assertClose(realA.toFloatArray(), realB.toFloatArray(), 1e-5f);
                NDArray meanA = Pooling.meanPool(plain.get(0), m.create(new long[] {1, 1, 1, 1, 1}, new Shape(1, 5)));
                NDArray meanB = Pooling.meanPool(withPad.get(0),
                        m.create(new long[] {1, 1, 1, 1, 1, 0, 0, 0}, new Shape(1, 8)));
                assertClose(meanA.toFloatArray(), meanB.toFloatArray(), 1e-5f);
                if (c.block().encoder().hasPooler()) {
                    assertClose(plain.get(1).toFloatArray(), withPad.get(1).toFloatArray(), 1e-5f);
                }
            }
        }
    }

    @Test
    void maskingIsNotANoOp() {
        // Guards the test above: attending to the padding would change the outputs.
        try (NDManager m = pooled.model().getNDManager().newSubManager()) {
            long[] padded = {101, 7592, 2088, 1010, 102, 2000, 999, 4321};
            NDList masked = encode(pooled, m, padded, new long[] {1, 1, 1, 1, 1, 0, 0, 0});
            NDList open = encode(pooled, m, padded, new long[] {1, 1, 1, 1, 1, 1, 1, 1});
            float[] a = masked.get(1).toFloatArray();
            float[] b = open.get(1).toFloatArray();
            float max = 0;
            for (int i = 0; i < a.length; i++) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
            assertTrue(max > 1e-4f, "masking had no effect: " + max);
        }
    }

    private static NDList encode(QuoteClassifier c, NDManager m, long[] ids, long[] mask) {
        Shape s = new Shape(1, ids.length);
        NDList in = new NDList(m.create(ids, s), m.create(mask, s), m.zeros(s, ai.djl.ndarray.types.DataType.INT64));
        return c.block().encoder().forward(new ParameterStore(m, false), in, false);
    }

    @Test
    void batchedAndSingleGiveTheSameProbabilities() {
        for (QuoteClassifier c : List.of(pooled, meanPooled)) {
            float[][] batched = new Scorer(c, 32).probabilities(TEXTS);
            Scorer single = new Scorer(c, 1);
            for (int i = 0; i < TEXTS.size(); i++) {
                float[] alone = single.probabilities(List.of(TEXTS.get(i)))[0];
                assertClose(alone, batched[i], 1e-5f);
                assertEquals(1.0, sum(batched[i]), 1e-5);
                assertEquals(4, batched[i].length);
            }
        }
    }

    @Test
    void batchesScoredSideBySideMatchOneThread() {
        // Small batches so that several run at once on two workers, each with one libtorch thread.
        List<String> many = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            for (String t : TEXTS) {
                many.add(t + " " + "again ".repeat(r));
            }
        }
        String old = System.getProperty(ThreadPolicy.FIXED_PROPERTY);
        try {
            System.setProperty(ThreadPolicy.FIXED_PROPERTY, "1");
            float[][] alone = new Scorer(meanPooled, 2).probabilities(many);
            System.setProperty(ThreadPolicy.FIXED_PROPERTY, "2");
            float[][] sideBySide = new Scorer(meanPooled, 2).probabilities(many);
            for (int i = 0; i < many.size(); i++) {
                assertClose(alone[i], sideBySide[i], 1e-5f);
            }
            assertFalse(Arrays.equals(alone[0], alone[1]));
        } finally {
            if (old == null) {
                System.clearProperty(ThreadPolicy.FIXED_PROPERTY);
            } else {
                System.setProperty(ThreadPolicy.FIXED_PROPERTY, old);
            }
        }
    }

    @Test
    void lengthGroupedBatchingRestoresInputOrder() {
        List<String> shuffled = new ArrayList<>(TEXTS);
        Collections.shuffle(shuffled, new Random(42));
        Scorer scorer = new Scorer(meanPooled, 3);
        float[][] base = scorer.probabilities(TEXTS);
        float[][] mixed = scorer.probabilities(shuffled);
        for (int i = 0; i < shuffled.size(); i++) {
            assertClose(base[TEXTS.indexOf(shuffled.get(i))], mixed[i], 1e-5f);
        }
        // Different texts get different outputs, so a mix-up could not pass unnoticed.
        assertFalse(Arrays.equals(base[0], base[1]));
    }

    @Test
    void embeddingsAreUnitLength() {
        for (float[] e : new Scorer(pooled, 4).embeddings(TEXTS)) {
            double n = 0;
            for (float v : e) {
                n += v * v;
            }
            assertEquals(1.0, Math.sqrt(n), 1e-5);
            assertEquals(32, e.length);
        }
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() throws IOException {
        try (QuoteClassifier again = QuoteClassifiers.tinyRandom(BertConfig.tiny(), true, 4, 3L, ComputeDevice.AUTO);
                QuoteClassifier other = QuoteClassifiers.tinyRandom(BertConfig.tiny(), true, 4, 4L, ComputeDevice.AUTO)) {
            float[] a = new Scorer(pooled, 8).probabilities(TEXTS)[1];
            assertArrayEquals(a, new Scorer(again, 8).probabilities(TEXTS)[1], 0f);
            assertFalse(Arrays.equals(a, new Scorer(other, 8).probabilities(TEXTS)[1]));
        }
    }

    @Test
    void hfParameterNamesCoverEveryParameterOnce() {
        var names = pooled.hfParameters();
        assertEquals(pooled.block().getParameters().size(), names.size());
        assertEquals(pooled.block().getParameters().size(), new java.util.IdentityHashMap<Object, Object>() {
            {
                names.values().forEach(p -> put(p, p));
            }
        }.size());
        assertTrue(names.containsKey("bert.embeddings.word_embeddings.weight"));
        assertTrue(names.containsKey("bert.encoder.layer.1.attention.self.query.weight"));
        assertTrue(names.containsKey("bert.encoder.layer.1.output.LayerNorm.bias"));
        assertTrue(names.containsKey("bert.pooler.dense.weight"));
        assertTrue(names.containsKey("classifier.bias"));
        assertEquals(new Shape(4, 32), names.get("classifier.weight").getShape());
    }

    static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    static void assertClose(float[] expected, float[] actual, float tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, "index " + i);
        }
    }
}

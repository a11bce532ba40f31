package org.quotelab.ml.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.text.QuoteTokenizer;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.model.QuoteClassifiers;

/** The Java BERT must reproduce ONNX Runtime on the very same ONNX file and token ids. */
class OnnxParityTest {

    static final List<String> SENTENCES = List.of(
            "Hello world, the battery died after two days.",
            "",
            "ok",
            "!",
            "The pasta was cold and the waiter ignored us for twenty minutes.",
            "Great sushi!!! Would come back again :)",
            "Service: slow. Food: fine. Price: $$$ (too much).",
            "Café au lait and crème brûlée were très bien.",
            "Das Essen war ausgezeichnet, aber die Bedienung war unfreundlich.",
            "寿司はとても美味しかったです。",
            "Spicy 🌶️🌶️ noodles 🍜, loved it 😍",
            "\"Best burger in town\" - said no one ever...",
            "We waited 45 min; the table was dirty & the music too loud.",
            "A A A A A A A A",
            "Is the terrace open in winter? I'd like to book for 12 people on 24/12.",
            "Ñandú, jalapeño, piñata — ¿qué más?",
            "The wine list is extensive but overpriced; the sommelier, however, was delightful and knowledgeable.",
            "lol",
            "Terrible. Just terrible.",
            "   leading and trailing spaces   ",
            "Mixed-case TEXT With Numbers 1234567890 and symbols #@%^&*",
            "The steak was perfectly cooked. ".repeat(30),
            "Long review: " + "the service was friendly, the food arrived quickly and everything tasted fresh; ".repeat(12));

    @Test
    void tokenIdsMatchTheKnownIds() {
        QuoteTokenizer.Tokens t = BundledModel.get().tokenizer().tokenize(SENTENCES.get(0));
        assertArrayEquals(new long[] {101, 7592, 2088, 1010, 1996, 6046, 2351, 2044, 2048, 2420, 1012, 102}, t.ids());
    }

    @Test
    void embeddingsMatchOnnxRuntime() throws Exception {
        QuoteClassifier model = BundledModel.get();
        List<QuoteTokenizer.Tokens> tokens = model.tokenizer().tokenize(SENTENCES);
        assertTrue(tokens.stream().anyMatch(t -> t.length() == QuoteTokenizer.DEFAULT_MAX_TOKENS),
                "at least one sentence must be truncated");
        // Batches of 5 mix lengths, so padding is exercised on the Java side; ORT runs unpadded.
        float[][] java = new Scorer(model, 5).embeddings(SENTENCES);

        byte[] onnx;
        try (InputStream in = QuoteClassifiers.class.getResourceAsStream(QuoteClassifiers.BUNDLED_ONNX)) {
            onnx = in.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double maxDiff = 0;
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
            for (int i = 0; i < SENTENCES.size(); i++) {
                float[] ref = ortEmbedding(env, session, tokens.get(i));
                assertEquals(ref.length, java[i].length);
                for (int j = 0; j < ref.length; j++) {
                    maxDiff = Math.max(maxDiff, Math.abs(ref[j] - java[i][j]));
                }
            }
        }
        System.out.println("parity max abs diff = " + maxDiff);
        assertTrue(maxDiff <= 1e-5, "max abs difference " + maxDiff + " exceeds 1e-5");
    }

    private static float[] ortEmbedding(OrtEnvironment env, OrtSession session, QuoteTokenizer.Tokens t)
            throws Exception {
        long[] shape = {1, t.length()};
        long[] mask = new long[t.length()];
        java.util.Arrays.fill(mask, 1);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(t.ids()), shape);
                OnnxTensor am = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor tt = OnnxTensor.createTensor(env, LongBuffer.wrap(t.typeIds()), shape)) {
            inputs.put("input_ids", ids);
            inputs.put("attention_mask", am);
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", tt);
            }
            try (OrtSession.Result r = session.run(inputs)) {
                float[][][] hidden = (float[][][]) r.get(0).getValue();
                double[] sum = new double[hidden[0][0].length];
                for (float[] token : hidden[0]) {
                    for (int j = 0; j < sum.length; j++) {
                        sum[j] += token[j];
                    }
                }
                double norm = 0;
                for (int j = 0; j < sum.length; j++) {
                    sum[j] /= hidden[0].length;
                    norm += sum[j] * sum[j];
                }
                norm = Math.max(Math.sqrt(norm), 1e-12);
                float[] out = new float[sum.length];
                for (int j = 0; j < sum.length; j++) {
                    out[j] = (float) (sum[j] / norm);
                }
                return out;
            }
        }
    }
}

package org.quotelab.ml.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.QuoteClassifiers;

/** Reading the bundled ONNX file: every named weight, and a clear failure for a cut copy. */
class OnnxWeightsTest {

    private static byte[] onnx;

    @BeforeAll
    static void readBundled() throws IOException {
        try (InputStream in = QuoteClassifiers.class.getResourceAsStream(QuoteClassifiers.BUNDLED_ONNX)) {
            onnx = in.readAllBytes();
        }
    }

    @Test
    void readsEveryWeightUnderItsHuggingFaceNameAndLayout() throws IOException {
        OnnxWeights w = OnnxWeights.read(new ByteArrayInputStream(onnx), "bundled");
        assertArrayEquals(new long[] {30522, 384}, w.shapes().get("embeddings.word_embeddings.weight"));
        // a dense weight, stored [in, out] in the file, comes back [out, in]
        assertArrayEquals(new long[] {1536, 384}, w.shapes().get("encoder.layer.0.intermediate.dense.weight"));
        assertEquals(1536L * 384, w.read("encoder.layer.0.intermediate.dense.weight").length);
        float[] gamma = w.read("embeddings.LayerNorm.weight");
        assertEquals(384, gamma.length);
        assertTrue(Arrays.stream(box(gamma)).allMatch(v -> Float.isFinite(v) && v != 0), "LayerNorm scales are real");
        assertTrue(w.shapes().keySet().stream().noneMatch(n -> n.contains("::")), "anonymous constants are named or left out");
    }

    @Test
    void aCutFileFailsWithItsNameInsteadOfReadingGarbage() {
        byte[] cut = Arrays.copyOf(onnx, onnx.length / 2);
        WeightFormatException e = assertThrows(WeightFormatException.class,
                () -> OnnxWeights.read(new ByteArrayInputStream(cut), "half of the bundled model"));
        assertTrue(e.getMessage().startsWith("half of the bundled model: "), e.getMessage());
    }

    private static Float[] box(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}

package org.quotelab.ml.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.bert.BertConfig;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.model.QuoteClassifiers;
import org.quotelab.ml.weights.SafetensorsReader;
import org.quotelab.ml.weights.SafetensorsWriter;
import org.quotelab.ml.weights.TensorData;
import org.quotelab.ml.weights.WeightFormatException;

/** A checkpoint folder this test writes itself, then breaks in every way a real file can be broken. */
class SafetensorsTest {

    static final List<String> TEXTS = List.of("the soup was cold", "great staff", "", "Prices are fair, portions huge!");
    static final BertConfig CONFIG = BertConfig.tiny();

    static QuoteClassifier original;
    static float[][] expected;
    static List<TensorData> tensors;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildOriginal() throws IOException {
        original = QuoteClassifiers.tinyRandom(CONFIG, true, 3, 11L, ComputeDevice.AUTO);
        expected = new Scorer(original, 8).probabilities(TEXTS);
        tensors = new ArrayList<>();
        original.hfParameters().forEach((name, p) ->
                tensors.add(new TensorData(name, p.getShape().getShape(), p.getArray().toFloatArray())));
    }

    @AfterAll
    static void close() {
        original.close();
    }

    private Path folder(List<TensorData> content) throws IOException {
        CONFIG.write(dir.resolve("config.json"), 3);
        SafetensorsWriter.write(dir.resolve("model.safetensors"), content, Map.of("format", "pt"));
        return dir;
    }

    private String loadError(Path folder) {
        WeightFormatException e = assertThrows(WeightFormatException.class,
                () -> QuoteClassifiers.fromFolder(folder, 3, 1L, 128, ComputeDevice.AUTO).close());
        return e.getMessage();
    }

    @Test
    void savedCheckpointLoadsAndGivesIdenticalOutputs() throws IOException {
        original.saveFolder(dir, Map.of("format", "pt"));
        try (QuoteClassifier loaded = QuoteClassifiers.fromFolder(dir, 3, 99L, 128, ComputeDevice.AUTO)) {
            assertTrue(loaded.block().encoder().hasPooler());
            float[][] actual = new Scorer(loaded, 8).probabilities(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertArrayEquals(expected[i], actual[i], 0f, "text " + i);
            }
        }
    }

    @Test
    void acceptsUnprefixedEncoderGammaBetaNamesAndIgnoresPretrainingTensors() throws IOException {
        List<TensorData> renamed = new ArrayList<>();
        for (TensorData t : tensors) {
            String n = t.name().startsWith("bert.") ? t.name().substring(5) : t.name();
            n = n.replace("LayerNorm.weight", "LayerNorm.gamma").replace("LayerNorm.bias", "LayerNorm.beta");
            renamed.add(new TensorData(n, t.shape(), t.values()));
        }
        renamed.add(new TensorData("cls.predictions.bias", new long[] {4}, new float[4]));
        renamed.add(new TensorData("bert.embeddings.position_ids", new long[] {1, 2}, new float[2]));
        try (QuoteClassifier loaded = QuoteClassifiers.fromFolder(folder(renamed), 3, 5L, 128, ComputeDevice.AUTO)) {
            float[][] actual = new Scorer(loaded, 8).probabilities(TEXTS);
            assertArrayEquals(expected[0], actual[0], 0f);
        }
    }

    @Test
    void headlessCheckpointGetsASeededHead() throws IOException {
        List<TensorData> encoderOnly = tensors.stream().filter(t -> !t.name().startsWith("classifier.")).toList();
        Path f = folder(encoderOnly);
        try (QuoteClassifier a = QuoteClassifiers.fromFolder(f, 3, 5L, 128, ComputeDevice.AUTO);
                QuoteClassifier b = QuoteClassifiers.fromFolder(f, 3, 5L, 128, ComputeDevice.AUTO)) {
            assertArrayEquals(new Scorer(a, 8).probabilities(TEXTS)[0],
                    new Scorer(b, 8).probabilities(TEXTS)[0], 0f);
        }
    }

    @Test
    void missingTensorIsNamed() throws IOException {
        List<TensorData> less = new ArrayList<>(tensors);
        less.removeIf(t -> t.name().equals("bert.encoder.layer.1.attention.self.key.weight"));
        String msg = loadError(folder(less));
        assertTrue(msg.contains("missing tensors [encoder.layer.1.attention.self.key.weight]"), msg);
    }

    @Test
    void extraTensorIsNamed() throws IOException {
        List<TensorData> more = new ArrayList<>(tensors);
        more.add(new TensorData("bert.encoder.layer.7.output.dense.weight", new long[] {2}, new float[2]));
        String msg = loadError(folder(more));
        assertTrue(msg.contains("unexpected tensors [encoder.layer.7.output.dense.weight]"), msg);
    }

    @Test
    void wrongShapeNamesTensorAndBothShapes() throws IOException {
        List<TensorData> bad = new ArrayList<>();
        for (TensorData t : tensors) {
            bad.add(t.name().equals("bert.pooler.dense.weight")
                    ? new TensorData(t.name(), new long[] {16, 64}, t.values()) : t);
        }
        String msg = loadError(folder(bad));
        assertTrue(msg.contains("bert.pooler.dense.weight") && msg.contains("[16, 64]") && msg.contains("[32, 32]"), msg);
    }

    @Test
    void wrongLabelCountIsAShapeError() throws IOException {
        original.saveSafetensors(dir.resolve("model.safetensors"), Map.of());
        CONFIG.write(dir.resolve("config.json"), 3);
        WeightFormatException e = assertThrows(WeightFormatException.class,
                () -> QuoteClassifiers.fromFolder(dir, 5, 1L, 128, ComputeDevice.AUTO).close());
        assertTrue(e.getMessage().contains("classifier.weight has shape [3, 32] but the model expects [5, 32]"),
                e.getMessage());
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Path f = folder(tensors).resolve("model.safetensors");
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 100));
        String msg = loadError(dir);
        assertTrue(msg.contains("data_offsets") && msg.contains("outside"), msg);
    }

    @Test
    void lyingHeaderLengthIsRejected() throws IOException {
        Path f = folder(tensors).resolve("model.safetensors");
        byte[] all = Files.readAllBytes(f);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE - 3);
        Files.write(f, all);
        assertTrue(loadError(dir).contains("header length"));
        Files.write(f, new byte[] {1, 2, 3});
        assertTrue(loadError(dir).contains("too short"));
    }

    @Test
    void offsetsBeyondFileAndBadJsonAreRejected() throws IOException {
        Path f = dir.resolve("x.safetensors");
        writeRaw(f, "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4000]}}", 8);
        WeightFormatException e = assertThrows(WeightFormatException.class, () -> SafetensorsReader.open(f));
        assertTrue(e.getMessage().contains("tensor a: data_offsets [0,4000] lie outside the 8 data bytes"), e.getMessage());

        writeRaw(f, "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8);
        e = assertThrows(WeightFormatException.class, () -> SafetensorsReader.open(f));
        assertTrue(e.getMessage().contains("needs 12 bytes but data_offsets span 8"), e.getMessage());

        writeRaw(f, "{\"a\": [unclosed", 8);
        e = assertThrows(WeightFormatException.class, () -> SafetensorsReader.open(f));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

        writeRaw(f, "{\"a\":{\"dtype\":\"Q7\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8);
        e = assertThrows(WeightFormatException.class, () -> SafetensorsReader.open(f));
        assertTrue(e.getMessage().contains("unknown dtype 'Q7'"), e.getMessage());
    }

    @Test
    void halfPrecisionTensorsAreConvertedToFloat() throws IOException {
        Path f = dir.resolve("half.safetensors");
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]}}";
        ByteBuffer data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x7BFF).putShort((short) 0x0001);
        data.putShort((short) 0x3F80).putShort((short) 0xC040);
        writeRaw(f, header, data.array());
        try (SafetensorsReader r = SafetensorsReader.open(f)) {
            assertArrayEquals(new float[] {1f, -2f, 65504f, 0x1p-24f}, r.read("h"), 0f);
            assertArrayEquals(new float[] {1f, -3f}, r.read("b"), 0f);
            assertEquals("F16", r.dtype("h"));
        }
    }

    private static void writeRaw(Path f, String header, int dataBytes) throws IOException {
        writeRaw(f, header, new byte[dataBytes]);
    }

    private static void writeRaw(Path f, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Files.write(f, b.array());
    }
}

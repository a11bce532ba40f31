package org.quotelab.ml.weights;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quotelab.ml.Json;

/**
 * Reads a .safetensors file defensively: the header length and every tensor's byte range are
 * checked against the file size before any tensor data is read, so a truncated or lying file
 * gives a clear WeightFormatException instead of a crash or a huge allocation.
 */
public final class SafetensorsReader implements WeightSource, AutoCloseable {

    /** Real headers are a few hundred KB; a bigger claim is a corrupt file, not a reason to allocate. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private record Entry(String dtype, long[] shape, long begin, long end) {
    }

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private SafetensorsReader(Path file, FileChannel channel, long dataStart) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
    }

    public static SafetensorsReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            SafetensorsReader r = readHeader(file, ch);
            return r;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static SafetensorsReader readHeader(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw new WeightFormatException(file + ": file of " + size + " bytes is too short for a safetensors header");
        }
        ByteBuffer lenBuf = readFully(ch, 0, 8);
        long headerLen = lenBuf.order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLen < 2 || headerLen > size - 8 || headerLen > MAX_HEADER_BYTES) {
            throw new WeightFormatException(file + ": header length " + Long.toUnsignedString(headerLen)
                    + " does not fit in a file of " + size + " bytes");
        }
        ByteBuffer header = readFully(ch, 8, (int) headerLen);
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(header.array());
        } catch (IOException e) {
            throw new WeightFormatException(file + ": header is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new WeightFormatException(file + ": header is not a JSON object");
        }
        long dataStart = 8 + headerLen;
        SafetensorsReader reader = new SafetensorsReader(file, ch, dataStart);
        long dataSize = size - dataStart;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if ("__metadata__".equals(f.getKey())) {
                f.getValue().fields().forEachRemaining(m -> reader.metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            reader.entries.put(f.getKey(), parseEntry(file, f.getKey(), f.getValue(), dataSize));
        }
        return reader;
    }

    private static Entry parseEntry(Path file, String name, JsonNode n, long dataSize) throws WeightFormatException {
        String where = file + ": tensor " + name;
        if (!n.isObject()) {
            throw new WeightFormatException(where + ": entry is not a JSON object");
        }
        String dtype = n.path("dtype").asText("");
        int width = SafetensorsDtype.bytes(dtype);
        if (width < 0) {
            throw new WeightFormatException(where + ": unknown dtype '" + dtype + "'");
        }
        JsonNode shapeNode = n.get("shape");
        JsonNode offsets = n.get("data_offsets");
        if (shapeNode == null || !shapeNode.isArray() || offsets == null || !offsets.isArray() || offsets.size() != 2) {
            throw new WeightFormatException(where + ": needs a shape array and data_offsets [begin, end]");
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToLong() || d.asLong() < 0) {
                throw new WeightFormatException(where + ": bad dimension " + d + " in shape " + shapeNode);
            }
            shape[i] = d.asLong();
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (!offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()
                || begin < 0 || end < begin || end > dataSize) {
            throw new WeightFormatException(where + ": data_offsets " + offsets
                    + " lie outside the " + dataSize + " data bytes of the file");
        }
        long expected;
        try {
            expected = Math.multiplyExact(TensorData.numel(shape), width);
        } catch (ArithmeticException e) {
            throw new WeightFormatException(where + ": shape " + Arrays.toString(shape) + " is too large");
        }
        if (end - begin != expected) {
            throw new WeightFormatException(where + ": shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + expected + " bytes but data_offsets span " + (end - begin));
        }
        return new Entry(dtype, shape, begin, end);
    }

    @Override
    public Map<String, long[]> shapes() {
        Map<String, long[]> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k, v.shape().clone()));
        return out;
    }

    public String dtype(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.dtype();
    }

    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    @Override
    public float[] read(String name) throws IOException {
        Entry e = entries.get(name);
        if (e == null) {
            throw new WeightFormatException(file + ": no tensor named " + name);
        }
        long bytes = e.end() - e.begin();
        if (bytes > Integer.MAX_VALUE) {
            throw new WeightFormatException(file + ": tensor " + name + " is larger than 2 GB");
        }
        ByteBuffer buf = readFully(channel, dataStart + e.begin(), (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        return SafetensorsDtype.toFloats(buf, e.dtype(), file + ": tensor " + name);
    }

    @Override
    public String description() {
        return file.toString();
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + buf.position());
            if (n < 0) {
                throw new WeightFormatException("unexpected end of file at byte " + (position + buf.position()));
            }
        }
        buf.flip();
        return buf;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

package org.quotelab.ml.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal float32 safetensors I/O for model versions.
 * TODO: switch to org.quotelab.ml.weights.SafetensorsWriter / SafetensorsReader once they are on main.
 */
final class SafetensorsFile {

    record Tensor(long[] shape, float[] values) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsFile() {
    }

    static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("__metadata__", Map.of("format", "pt"));
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            long bytes = 4L * e.getValue().values().length;
            header.put(e.getKey(), Map.of("dtype", "F32", "shape", e.getValue().shape(),
                    "data_offsets", List.of(offset, offset + bytes)));
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(ch, head);
            for (Tensor t : tensors.values()) {
                ByteBuffer buf = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
                buf.asFloatBuffer().put(t.values());
                writeFully(ch, buf);
            }
            ch.force(true);
        }
    }

    static Map<String, Tensor> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long n = len.getLong(0);
            if (n <= 0 || n > 100_000_000 || n + 8 > ch.size()) {
                throw new IOException(file + ": not a safetensors file");
            }
            ByteBuffer headBuf = ByteBuffer.allocate((int) n);
            readFully(ch, headBuf, 8);
            Map<String, Map<String, Object>> header = JSON.readValue(headBuf.array(),
                    new TypeReference<LinkedHashMap<String, Map<String, Object>>>() { });
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Object>> e : header.entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                if (!"F32".equals(e.getValue().get("dtype"))) {
                    throw new IOException(file + ": " + e.getKey() + " is not F32");
                }
                long[] shape = ((List<?>) e.getValue().get("shape")).stream()
                        .mapToLong(v -> ((Number) v).longValue()).toArray();
                List<?> offsets = (List<?>) e.getValue().get("data_offsets");
                long start = ((Number) offsets.get(0)).longValue();
                long end = ((Number) offsets.get(1)).longValue();
                ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(end - start)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, data, 8 + n + start);
                float[] values = new float[(int) ((end - start) / 4)];
                data.flip();
                data.asFloatBuffer().get(values);
                out.put(e.getKey(), new Tensor(shape, values));
            }
            return out;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += r;
        }
    }
}

package org.quotelab.ml.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Float initializers of an exported BERT ONNX graph, under Hugging Face names, read in one
 * streaming pass without generated protobuf classes. Exporters name embeddings, biases and
 * LayerNorms after the HF tensors but turn dense weights into anonymous "onnx::MatMul_NNN"
 * constants stored as [in, out]; each feeds a MatMul whose output goes into an Add with the
 * named bias, which is how the weight gets its name back (and is transposed to [out, in]).
 */
public final class OnnxWeights implements WeightSource {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxWeights.class);

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_OP_TYPE = 4;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int ONNX_FLOAT = 1;

    private record Node(String opType, List<String> inputs, List<String> outputs) {
    }

    private final String description;
    private final Map<String, TensorData> tensors;

    private OnnxWeights(String description, Map<String, TensorData> tensors) {
        this.description = description;
        this.tensors = tensors;
    }

    public static OnnxWeights read(InputStream in, String description) throws IOException {
        List<Node> nodes = new ArrayList<>();
        Map<String, TensorData> initializers = new LinkedHashMap<>();
        CodedInputStream cis = CodedInputStream.newInstance(in);
        cis.setSizeLimit(Integer.MAX_VALUE);
        try {
            boolean sawGraph = false;
            for (int tag = cis.readTag(); tag != 0; tag = cis.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH
                        && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    int limit = cis.pushLimit(cis.readRawVarint32());
                    readGraph(cis, nodes, initializers, description);
                    cis.popLimit(limit);
                    sawGraph = true;
                } else {
                    cis.skipField(tag);
                }
            }
            if (!sawGraph) {
                throw new WeightFormatException(description + ": no graph in the ONNX model");
            }
        } catch (WeightFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WeightFormatException(description + ": not a readable ONNX model: " + e.getMessage(), e);
        }
        return new OnnxWeights(description, nameWeights(nodes, initializers, description));
    }

    private static void readGraph(CodedInputStream cis, List<Node> nodes, Map<String, TensorData> inits,
            String description) throws IOException {
        for (int tag = cis.readTag(); tag != 0; tag = cis.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == GRAPH_NODE && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                nodes.add(readNode(CodedInputStream.newInstance(cis.readByteArray())));
            } else if (field == GRAPH_INITIALIZER
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = cis.pushLimit(cis.readRawVarint32());
                TensorData t = readTensor(cis, description);
                cis.popLimit(limit);
                if (t != null) {
                    inits.put(t.name(), t);
                }
            } else {
                cis.skipField(tag);
            }
        }
    }

    private static Node readNode(CodedInputStream cis) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String op = "";
        for (int tag = cis.readTag(); tag != 0; tag = cis.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case NODE_INPUT -> inputs.add(cis.readStringRequireUtf8());
                case NODE_OUTPUT -> outputs.add(cis.readStringRequireUtf8());
                case NODE_OP_TYPE -> op = cis.readStringRequireUtf8();
                default -> cis.skipField(tag);
            }
        }
        return new Node(op, inputs, outputs);
    }

    /** Returns null for non-float tensors (shape constants and the like), which BERT weights never are. */
    private static TensorData readTensor(CodedInputStream cis, String description) throws IOException {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        float[] raw = null;
        byte[] rawBytes = null;
        List<Float> floatData = new ArrayList<>();
        for (int tag = cis.readTag(); tag != 0; tag = cis.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            if (field == TENSOR_DIMS && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = cis.pushLimit(cis.readRawVarint32());
                while (cis.getBytesUntilLimit() > 0) {
                    dims.add(cis.readInt64());
                }
                cis.popLimit(limit);
            } else if (field == TENSOR_DIMS) {
                dims.add(cis.readInt64());
            } else if (field == TENSOR_DATA_TYPE) {
                dataType = cis.readInt32();
            } else if (field == TENSOR_NAME) {
                name = cis.readStringRequireUtf8();
            } else if (field == TENSOR_RAW_DATA && dataType == ONNX_FLOAT) {
                raw = readFloats(cis, name, description);
            } else if (field == TENSOR_RAW_DATA) {
                // a type not known yet (writers put it first) or not float: kept as bytes, rarely large
                rawBytes = cis.readByteArray();
            } else if (field == TENSOR_FLOAT_DATA && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = cis.pushLimit(cis.readRawVarint32());
                while (cis.getBytesUntilLimit() > 0) {
                    floatData.add(cis.readFloat());
                }
                cis.popLimit(limit);
            } else if (field == TENSOR_FLOAT_DATA) {
                floatData.add(cis.readFloat());
            } else if (field == TENSOR_DATA_LOCATION && cis.readInt32() == 1) {
                throw new WeightFormatException(description + ": tensor " + name
                        + " keeps its data in an external file, which is not supported");
            } else if (field != TENSOR_DATA_LOCATION) {
                cis.skipField(tag);
            }
        }
        if (dataType != ONNX_FLOAT) {
            return null;
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        float[] values;
        if (raw != null) {
            values = raw;
        } else if (rawBytes != null) {
            values = new float[rawBytes.length / 4];
            ByteBuffer.wrap(rawBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            values = new float[floatData.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = floatData.get(i);
            }
        }
        try {
            return new TensorData(name, shape, values);
        } catch (IllegalArgumentException e) {
            throw new WeightFormatException(description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Raw little-endian bytes read straight into floats: reading them as a byte array first made
     * the stream assemble it from chunks, three copies of the largest tensor (47 MB for MiniLM's
     * word embeddings) on the Java heap at once, which the heap kept committed.
     */
    private static float[] readFloats(CodedInputStream cis, String name, String description) throws IOException {
        int bytes = cis.readRawVarint32();
        if (bytes < 0 || bytes % 4 != 0) {
            throw new WeightFormatException(description + ": tensor " + name + " has " + bytes
                    + " raw bytes, not a whole number of floats");
        }
        int left = cis.getBytesUntilLimit();
        if (left >= 0 && bytes > left) {
            // a cut file: say so before allocating for data that is not there
            throw new WeightFormatException(description + ": tensor " + name + " declares " + bytes
                    + " raw bytes but only " + left + " follow");
        }
        float[] values = new float[bytes / 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(cis.readRawLittleEndian32());
        }
        return values;
    }

    private static Map<String, TensorData> nameWeights(List<Node> nodes, Map<String, TensorData> inits,
            String description) {
        Map<String, List<Node>> consumers = new HashMap<>();
        for (Node n : nodes) {
            for (String in : n.inputs()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
        Map<String, String> named = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (!"MatMul".equals(n.opType()) || n.inputs().size() != 2) {
                continue;
            }
            TensorData w = inits.get(n.inputs().get(1));
            if (w == null || named.containsKey(w.name()) || w.shape().length != 2) {
                continue;
            }
            String bias = biasOf(n.outputs().get(0), consumers, inits);
            if (bias != null) {
                String hfName = bias.substring(0, bias.length() - ".bias".length()) + ".weight";
                named.put(w.name(), hfName);
            }
        }
        Map<String, TensorData> out = new LinkedHashMap<>();
        // each original goes as soon as its transposed copy exists: one matrix extra at a time, not all
        for (Iterator<TensorData> it = inits.values().iterator(); it.hasNext(); ) {
            TensorData t = it.next();
            String hfName = named.get(t.name());
            if (hfName != null) {
                it.remove();
                out.put(hfName, t.transposed(hfName));
            } else if (t.name().contains("::") || t.name().contains("/")) {
                LOG.debug("{}: ignoring anonymous initializer {}", description, t.name());
            } else {
                out.put(t.name(), t);
            }
        }
        LOG.debug("{}: {} float tensors, {} dense weights named through MatMul -> Add",
                description, out.size(), named.size());
        return out;
    }

    private static String biasOf(String matmulOutput, Map<String, List<Node>> consumers,
            Map<String, TensorData> inits) {
        for (Node add : consumers.getOrDefault(matmulOutput, List.of())) {
            if (!"Add".equals(add.opType())) {
                continue;
            }
            for (String in : add.inputs()) {
                if (!in.equals(matmulOutput) && in.endsWith(".bias") && inits.containsKey(in)) {
                    return in;
                }
            }
        }
        return null;
    }

    @Override
    public Map<String, long[]> shapes() {
        Map<String, long[]> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> out.put(k, v.shape().clone()));
        return out;
    }

    @Override
    public float[] read(String name) throws IOException {
        TensorData t = tensors.get(name);
        if (t == null) {
            throw new WeightFormatException(description + ": no tensor named " + name);
        }
        return t.values();
    }

    @Override
    public String description() {
        return description;
    }
}

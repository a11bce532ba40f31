package org.quotelab.ml.weights;

import java.nio.ByteBuffer;

/** Element sizes of safetensors dtypes and conversion of the float ones to float32. */
final class SafetensorsDtype {

    private SafetensorsDtype() {
    }

    /** Bytes per element, or -1 for an unknown dtype. */
    static int bytes(String dtype) {
        return switch (dtype) {
            case "F64", "I64", "U64" -> 8;
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2" -> 1;
            default -> -1;
        };
    }

    static float[] toFloats(ByteBuffer le, String dtype, String where) throws WeightFormatException {
        int n;
        float[] out;
        switch (dtype) {
            case "F32" -> {
                n = le.remaining() / 4;
                out = new float[n];
                le.asFloatBuffer().get(out);
            }
            case "F16" -> {
                n = le.remaining() / 2;
                out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = halfToFloat(le.getShort());
                }
            }
            case "BF16" -> {
                n = le.remaining() / 2;
                out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Float.intBitsToFloat((le.getShort() & 0xffff) << 16);
                }
            }
            default -> throw new WeightFormatException(where + ": dtype " + dtype
                    + " is not supported for weights (F32, F16, BF16 are)");
        }
        return out;
    }

    /** IEEE 754 binary16 to float32 (Float.float16ToFloat only exists from Java 20). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            // Subnormal half: value = mant * 2^-24.
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}

package org.quotelab.ml.weights;

import java.util.Arrays;

/** A named float32 tensor in row-major order, with the Hugging Face layout ([out, in] for dense weights). */
public record TensorData(String name, long[] shape, float[] values) {

    public TensorData {
        long n = numel(shape);
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape)
                    + " needs " + n + " values, got " + values.length);
        }
    }

    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The [rows, cols] matrix transposed to [cols, rows]. */
    public TensorData transposed(String newName) {
        if (shape.length != 2) {
            throw new IllegalArgumentException(name + " is not a matrix: " + Arrays.toString(shape));
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] t = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = values[r * cols + c];
            }
        }
        return new TensorData(newName, new long[] {cols, rows}, t);
    }
}

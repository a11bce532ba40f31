package org.quotelab.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.quotelab.ml.infer.ThreadPolicy;

/**
 * The AdamW update of float32 CPU tensors in one pass over their memory, read and written in
 * place through direct buffers onto libtorch's storage.
 *
 * <p>Why: the update as libtorch tensor operations is about fourteen passes over every
 * parameter-sized array (each operation reads and writes all of it, several allocate), and
 * MiniLM has 22.6M parameters, half of them in the word embeddings. Measured on the restaurants
 * batches at one thread, those passes cost more CPU than the forward and backward of a
 * length-grouped batch, a fixed cost per step that padding less cannot remove. One pass reads
 * weight, gradient and both moments and writes three of them back.
 *
 * <p>The arithmetic is torch.optim.AdamW's single-tensor step in float32, element by element:
 * the gradient times the clipping factor (clip_grad_norm_ scales it in place before the step),
 * {@code w *= 1 - lr*wd}, {@code m = lerp(m, g, 1 - beta1)},
 * {@code v = v*beta2 + (1 - beta2)*g*g}, {@code w += -lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)}.
 */
final class AdamWKernel {

    /** Elements per work item: big enough to amortise a hand-off, small enough to balance two threads. */
    private static final int CHUNK = 1 << 18;
    /** Staging arrays: bulk copies from direct buffers, then a loop the JIT can vectorise. */
    private static final int TILE = 2048;
    private static final ThreadLocal<float[][]> TILES = ThreadLocal.withInitial(() -> new float[4][TILE]);

    /** Per-tensor constants of one step, already rounded to float as libtorch does with Python scalars. */
    record Step(float gradScale, float decay, float oneMinusBeta1, float beta2, float oneMinusBeta2,
                float sqrtBc2, float eps, float negStepSize) {
    }

    /** One tensor's memory: weight, gradient, first and second moment. */
    record Target(FloatBuffer w, FloatBuffer g, FloatBuffer m, FloatBuffer v, Step step) {
        int size() {
            return w.capacity();
        }
    }

    private AdamWKernel() {
    }

    /**
     * The tensor's storage as a float buffer that writes reach, or null where this path does not
     * apply (another engine, another type, or a tensor that is not one contiguous block: libtorch
     * would hand out a copy, and updates written there would be lost).
     */
    static FloatBuffer view(NDArray a) {
        if (!(a instanceof PtNDArray pt) || a.getDataType() != DataType.FLOAT32 || !ai.djl.Device.Type.CPU.equals(a.getDevice().getDeviceType())
                || a.getShape().size() == 0) {
            return null;
        }
        ByteBuffer first = JniUtils.getByteBuffer(pt, true);
        if (!first.isDirect()) {
            return null;
        }
        FloatBuffer f = first.asFloatBuffer();
        if (f.capacity() != a.getShape().size()) {
            return null;
        }
        // A second view sees a change made through the first only if both are the tensor itself.
        FloatBuffer second = JniUtils.getByteBuffer(pt, true).asFloatBuffer();
        float old = f.get(0);
        float probe = Float.intBitsToFloat(Float.floatToRawIntBits(old) ^ 1);
        f.put(0, probe);
        boolean shared = Float.floatToRawIntBits(second.get(0)) == Float.floatToRawIntBits(probe);
        f.put(0, old);
        return shared ? f : null;
    }

    /** Updates every target, split over {@code threads} threads (the caller is one of them). */
    static void run(List<Target> targets, int threads) {
        List<long[]> items = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            int n = targets.get(t).size();
            for (int from = 0; from < n; from += CHUNK) {
                items.add(new long[] {t, from, Math.min(n, from + CHUNK)});
            }
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                long[] item = items.get(i);
                update(targets.get((int) item[0]), (int) item[1], (int) item[2]);
            }
        };
        ThreadPolicy.inParallel(Math.min(threads, items.size()), worker);
    }

    /** Elements [from, to) of one tensor. */
    static void update(Target t, int from, int to) {
        float[][] tiles = TILES.get();
        float[] w = tiles[0];
        float[] g = tiles[1];
        float[] m = tiles[2];
        float[] v = tiles[3];
        Step s = t.step();
        for (int start = from; start < to; start += TILE) {
            int len = Math.min(TILE, to - start);
            t.w().get(start, w, 0, len);
            t.g().get(start, g, 0, len);
            t.m().get(start, m, 0, len);
            t.v().get(start, v, 0, len);
            for (int i = 0; i < len; i++) {
                float gi = g[i] * s.gradScale();
                float mi = m[i];
                // torch's lerp for a weight below 0.5: start + weight * (end - start)
                mi = mi + s.oneMinusBeta1() * (gi - mi);
                float vi = v[i] * s.beta2() + s.oneMinusBeta2() * gi * gi;
                float denom = (float) Math.sqrt(vi) / s.sqrtBc2() + s.eps();
                w[i] = w[i] * s.decay() + s.negStepSize() * (mi / denom);
                m[i] = mi;
                v[i] = vi;
            }
            t.w().put(start, w, 0, len);
            t.m().put(start, m, 0, len);
            t.v().put(start, v, 0, len);
        }
    }
}

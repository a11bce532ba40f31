package org.quotelab.ml.weights;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns libtorch's grad mode off until closed, then restores it. Grad mode is per thread and on
 * by default in every thread but the one that started the engine, so code that writes weights in
 * place (optimiser steps, restoring a snapshot, loading weights) must not rely on it being off:
 * a job thread would fail with "a leaf Variable that requires grad is being used in an in-place
 * operation".
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    private NoGrad() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    public static NoGrad enter() {
        return new NoGrad();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}

package org.quotelab.ml.model;

/**
 * Where a caller wants its models to run. Every loader takes one, so the choice travels with the
 * call instead of living in a global or per-thread preference; {@link Devices#pick} turns it into
 * the engine's device when a model is built.
 */
public enum ComputeDevice {
    /** The first CUDA GPU when the engine sees one, else the CPU. */
    AUTO("auto"),
    CPU("cpu"),
    /** Refused when the engine sees no GPU. */
    GPU("gpu");

    private final String code;

    ComputeDevice(String code) {
        this.code = code;
    }

    /** "auto", "cpu" or "gpu", as recorded in a run's parameters. */
    public String code() {
        return code;
    }
}

package org.quotelab.service.training;

/** Where a training job runs: the automatic choice (the GPU when there is one), the CPU or the GPU. */
public enum DeviceChoice {
    AUTO("auto", "Auto"),
    CPU("cpu", "CPU"),
    GPU("gpu", "GPU");

    private final String code;
    private final String label;

    DeviceChoice(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The name {@code Devices.pick} understands. */
    String code() {
        return code;
    }

    @Override
    public String toString() {
        return label;
    }
}

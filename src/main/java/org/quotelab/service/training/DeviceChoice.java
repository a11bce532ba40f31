package org.quotelab.service.training;

import org.quotelab.ml.model.ComputeDevice;

/** Where a training job runs, as the Training view offers it: the automatic choice (the GPU when there is one), the CPU or the GPU. */
public enum DeviceChoice {
    AUTO(ComputeDevice.AUTO, "Auto"),
    CPU(ComputeDevice.CPU, "CPU"),
    GPU(ComputeDevice.GPU, "GPU");

    private final ComputeDevice device;
    private final String label;

    DeviceChoice(ComputeDevice device, String label) {
        this.device = device;
        this.label = label;
    }

    /** The device every model of the job is built on. */
    ComputeDevice device() {
        return device;
    }

    /** "auto", "cpu" or "gpu", as recorded in the run's parameters. */
    String code() {
        return device.code();
    }

    @Override
    public String toString() {
        return label;
    }
}

package org.quotelab.ml.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses where the model runs: the first CUDA GPU when the engine sees one, else the CPU. */
public final class Devices {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private Devices() {
    }

    /**
     * Completed the first time this class obtains the engine. Loading PyTorch unpacks and maps
     * about 430 MB, so the app defers it to the first scoring or training; this lets the UI learn
     * when that happened without loading the engine itself. Every device the project builds a model
     * on comes from this class, so no model runs before this completes.
     */
    private static final CompletableFuture<Void> LOADED = new CompletableFuture<>();

    /** The engine's device for a choice; loads the engine. Nothing here remembers a choice. */
    public static Device pick(ComputeDevice choice) {
        Engine engine = engine();
        Device device = switch (choice) {
            case AUTO -> automatic();
            case CPU -> Device.cpu();
            case GPU -> {
                if (engine.getGpuCount() == 0) {
                    throw new IllegalStateException("a GPU was asked for but the engine sees none");
                }
                yield Device.gpu();
            }
        };
        LOG.info("{} {} runs models on {}", engine.getEngineName(), engine.getVersion(), describe(device));
        return device;
    }

    /** The automatic choice: the first GPU, else the CPU; loads the engine. */
    public static Device automatic() {
        return engine().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** Whether the engine sees a CUDA GPU; loads the engine. */
    public static boolean gpuAvailable() {
        return engine().getGpuCount() > 0;
    }

    /** Whether the engine has been loaded through this class; never loads it. */
    public static boolean engineLoaded() {
        return LOADED.isDone();
    }

    /** Completes (on the loading thread) once the engine has been loaded; never loads it. */
    public static CompletionStage<Void> whenEngineLoaded() {
        return LOADED.minimalCompletionStage();
    }

    private static Engine engine() {
        Engine engine = Engine.getInstance();
        LOADED.complete(null);
        return engine;
    }

    /** Engine, version and CPU thread pools, e.g. "PyTorch 2.7.1, 2 intra-op / 2 inter-op threads". */
    public static String describeEngine() {
        Engine engine = engine();
        String text = engine.getEngineName() + " " + engine.getVersion();
        if ("PyTorch".equals(engine.getEngineName())) {
            text += ", " + JniUtils.getNumThreads() + " intra-op / " + JniUtils.getNumInteropThreads()
                    + " inter-op threads";
        }
        return text;
    }

    /** The automatic choice described, e.g. "CPU"; loads the engine. */
    public static String describeAutomatic() {
        return describe(automatic());
    }

    public static String describe(Device device) {
        return device.isGpu() ? "CUDA GPU " + device.getDeviceId() : "CPU";
    }
}

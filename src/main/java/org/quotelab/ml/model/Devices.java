package org.quotelab.ml.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.quotelab.ml.infer.ThreadPolicy;
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
     * when that happened without loading the engine itself. Every model the project builds gets
     * its device from {@link #pick()}, so no model runs before this completes.
     */
    private static final CompletableFuture<Void> LOADED = new CompletableFuture<>();

    /** "cpu" or "gpu" set by a training job for its own thread; other threads keep the automatic choice. */
    private static final ThreadLocal<String> PREFERENCE = new ThreadLocal<>();

    public static Device pick() {
        Engine engine = engine();
        String preferred = PREFERENCE.get();
        if ("gpu".equals(preferred) && engine.getGpuCount() == 0) {
            throw new IllegalStateException("a GPU was asked for but the engine sees none");
        }
        Device device = "cpu".equals(preferred) ? Device.cpu() : automatic();
        LOG.info("{} {} runs models on {}", engine.getEngineName(), engine.getVersion(), describe(device));
        return device;
    }

    /** The device models run on unless a job prefers otherwise: the first GPU, else the CPU; loads the engine. */
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

    /**
     * Makes {@link #pick()} on the calling thread return the CPU ("cpu"), the GPU ("gpu") or the
     * automatic choice (null or "auto") until called again; job threads are pooled, so reset it.
     */
    public static void preferOnThisThread(String device) {
        if (device == null || "auto".equals(device)) {
            PREFERENCE.remove();
        } else if ("cpu".equals(device) || "gpu".equals(device)) {
            PREFERENCE.set(device);
        } else {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, got " + device);
        }
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

    /**
     * Fixes libtorch's intra-op CPU threads for the whole process, replacing the load-driven
     * choice of {@link ThreadPolicy}; every job applies it on its own thread when it starts.
     */
    public static void setCpuThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        System.setProperty(ThreadPolicy.FIXED_PROPERTY, String.valueOf(threads));
        if ("PyTorch".equals(engine().getEngineName())) {
            JniUtils.setNumThreads(threads);
            LOG.info("libtorch intra-op threads set to {}", threads);
        }
    }

    public static String describe(Device device) {
        return device.isGpu() ? "CUDA GPU " + device.getDeviceId() : "CPU";
    }
}

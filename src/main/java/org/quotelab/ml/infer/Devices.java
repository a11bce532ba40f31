package org.quotelab.ml.infer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses where the model runs: the first CUDA GPU when the engine sees one, else the CPU. */
public final class Devices {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private Devices() {
    }

    /** "cpu" or "gpu" set by a training job for its own thread; other threads keep the automatic choice. */
    private static final ThreadLocal<String> PREFERENCE = new ThreadLocal<>();

    public static Device pick() {
        Engine engine = Engine.getInstance();
        String preferred = PREFERENCE.get();
        if ("gpu".equals(preferred) && engine.getGpuCount() == 0) {
            throw new IllegalStateException("a GPU was asked for but the engine sees none");
        }
        Device device = "cpu".equals(preferred) ? Device.cpu()
                : engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        LOG.info("{} {} runs models on {}", engine.getEngineName(), engine.getVersion(), describe(device));
        return device;
    }

    /** Whether the engine sees a CUDA GPU; loads the engine. */
    public static boolean gpuAvailable() {
        return Engine.getInstance().getGpuCount() > 0;
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
        Engine engine = Engine.getInstance();
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
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setNumThreads(threads);
            LOG.info("libtorch intra-op threads set to {}", threads);
        }
    }

    public static String describe(Device device) {
        return device.isGpu() ? "CUDA GPU " + device.getDeviceId() : "CPU";
    }
}

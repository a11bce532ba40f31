package org.quotelab.ml.versions;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/** Engine, library and machine facts recorded in every version's provenance. */
public final class RunEnvironment {

    private RunEnvironment() {
    }

    public static Map<String, String> describe(NDManager manager) {
        Engine engine = Engine.getInstance();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("engine", engine.getEngineName());
        env.put("engine_version", engine.getVersion());
        env.put("djl_version", Engine.getDjlVersion());
        env.put("device", manager.getDevice().toString());
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return env;
    }
}

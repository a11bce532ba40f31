package org.quotelab.ui;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test main in a fresh JVM on the test classpath, with the headless JavaFX and offline DJL
 * settings of this one. For checks that need a process of their own: what a freshly opened window
 * loads cannot be seen in the test JVM, where earlier tests already loaded PyTorch.
 */
final class ChildJvm {
    private static final List<String> FORWARDED = List.of("glass.platform", "monocle.platform", "prism.order",
            "java.awt.headless", "testfx.headless", "ai.djl.offline", "DJL_CACHE_DIR");

    private ChildJvm() {
    }

    /** Runs {@code main} with {@code args} and returns its output (stdout and stderr) once it ended with status 0. */
    static String run(Class<?> main, long timeoutSeconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String p : FORWARDED) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        // read on another thread so that a hung child still times out
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed: what was read so far is reported below
            }
        });
        reader.start();
        if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            reader.join(5000);
            throw new AssertionError(main.getSimpleName() + " did not finish in " + timeoutSeconds + " s:\n" + out);
        }
        reader.join(5000);
        synchronized (out) {
            if (child.exitValue() != 0) {
                throw new AssertionError(main.getSimpleName() + " exited with " + child.exitValue() + ":\n" + out);
            }
            return out.toString();
        }
    }
}

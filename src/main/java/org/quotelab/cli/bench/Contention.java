package org.quotelab.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps N cores busy with a {@link Spinner} child process while a benchmark times its
 * contended part. Close it in a finally (try-with-resources): the child is destroyed and, as a
 * second guard, stops by itself when its standard input closes.
 */
final class Contention implements AutoCloseable {
    private final Process process;

    private Contention(Process process) {
        this.process = process;
    }

    /** Starts the spinner and returns once its threads run; N = 0 gives a no-op. */
    static Contention start(int cores) throws IOException {
        if (cores <= 0) {
            return new Contention(null);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Spinner.class.getName(), String.valueOf(cores)))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Contention c = new Contention(p);
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            if (!"spinning".equals(r.readLine())) {
                throw new IOException("the spinner process did not start");
            }
            // Let the scheduler see the new load before anything is timed.
            Thread.sleep(1000);
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("could not start the spinner: " + e.getMessage(), e);
        }
        return c;
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FX thread keeps rendering while 200,000 quotes are imported and a model trains: the longest
 * gap between two pulses stays at or under 100 ms. Runs {@link PulseProbe} in a child JVM started with the app's
 * JVM options ({@link #APP_JVM_OPTIONS}, as in the pom's javafx:run configuration).
 * The figure only means something when this process has the CPU it asks for: on a machine whose
 * load is well above its core count (other builds, training runs) a gap over 100 ms is reported
 * and the test is skipped rather than failed; the figure is always written to target/pulse-gap.txt.
 */
class PulseGapTest {
    private static final Logger LOG = LoggerFactory.getLogger(PulseGapTest.class);
    /** javafx:run passes no heap or GC options, so neither does the probe: the JVM's defaults. */
    static final List<String> APP_JVM_OPTIONS = List.of();
    static final int ROWS = 200_000;
    private static final Pattern RESULT = Pattern.compile(
            "RESULT rows=(\\d+) stored=(\\d+) seconds=([\\d.]+) frames=(\\d+) maxGapMs=([\\d.]+) trainingSteps=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void longestPulseGapDuringAnImportAndATrainingJobIsAtMost100ms() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(APP_JVM_OPTIONS);
        for (String p : List.of("glass.platform", "monocle.platform", "prism.order", "java.awt.headless", "testfx.headless")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PulseProbe.class.getName(),
                dir.toString(), String.valueOf(ROWS)));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
                if (line.startsWith("RESULT")) {
                    result = line;
                }
            }
        }
        assertTrue(child.waitFor(240, TimeUnit.SECONDS), "probe finished");
        assertTrue(result != null, "probe printed no result:\n" + out);
        Matcher m = RESULT.matcher(result);
        assertTrue(m.find(), result);
        LOG.info("pulse probe: {}", result);
        Files.writeString(Path.of("target", "pulse-gap.txt"), result + " loadPerCore=" + String.format("%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                        / Runtime.getRuntime().availableProcessors()) + "\n");
        assertEquals(ROWS + 20_000, Long.parseLong(m.group(2)), "every row stored");
        double seconds = Double.parseDouble(m.group(3));
        assertTrue(Long.parseLong(m.group(4)) > seconds * 20, "the FX thread kept rendering: " + result);
        assertTrue(Long.parseLong(m.group(6)) > 0, "the training job ran during the import: " + result);
        double gap = Double.parseDouble(m.group(5));
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                / Runtime.getRuntime().availableProcessors();
        org.junit.jupiter.api.Assumptions.assumeTrue(gap <= 100 || load < 1.5, String.format(
                "machine oversubscribed (load %.1f per core): gap %.1f ms not judged; %s", load, gap, result));
        assertTrue(gap <= 100, "longest gap between FX pulses " + gap + " ms: " + result);
    }
}

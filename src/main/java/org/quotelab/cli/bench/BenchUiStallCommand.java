package org.quotelab.cli.bench;

import org.quotelab.cli.Json;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.quotelab.UiStallBench;
import org.quotelab.ml.versions.ModelFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * quotelab bench ui-stall: the longest gap between JavaFX pulses while the Data view imports a
 * large file and a model trains (docs/decisions/0011-responsive-ui-under-load.md). A timing, so
 * it lives here and not in the test suite: on a shared CI machine the figure follows the load.
 * The load average is sampled during the run and reported beside it.
 */
@Command(name = "ui-stall", mixinStandardHelpOptions = true,
        description = {"Longest FX pulse gap while an import and a training job run at once (goal: max_gap_ms <= 100"
                + " on 2 quiet cores).",
            "Runs the real workbench window headless by default: Monocle's headless glass with the software"
                + " renderer (the same as the UI tests), so no display or Xvfb is needed. --display uses the"
                + " desktop's glass on $DISPLAY instead (e.g. under xvfb-run)."})
final class BenchUiStallCommand implements Callable<Integer> {
    static final double GOAL_MS = 100;

    @Option(names = "--rows", defaultValue = "200000", description = "rows in the measured import (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--display", description = "render on the real display instead of headless Monocle")
    boolean display;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        int cores = os.getAvailableProcessors();
        double loadBefore = os.getSystemLoadAverage();
        DoubleAdder loadSum = new DoubleAdder();
        LongAdder samples = new LongAdder();
        double[] loadMax = {loadBefore};
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> {
            double l = os.getSystemLoadAverage();
            loadSum.add(l);
            samples.increment();
            synchronized (loadMax) {
                loadMax[0] = Math.max(loadMax[0], l);
            }
        }, 1, 1, TimeUnit.SECONDS);
        Path dir = Files.createTempDirectory("quotelab-ui-stall");
        Map<String, Object> figures;
        try {
            figures = UiStallBench.run(dir, rows, !display);
        } finally {
            sampler.shutdownNow();
            ModelFolders.deleteTree(dir);
        }
        Map<String, Object> result = new LinkedHashMap<>(figures);
        double mean = samples.sum() == 0 ? loadBefore : loadSum.sum() / samples.sum();
        result.put("cores", cores);
        result.put("load_1m_start", round(loadBefore));
        result.put("load_1m_mean", round(mean));
        result.put("load_1m_max", round(loadMax[0]));
        result.put("load_per_core", round(mean / cores));
        result.put("goal_max_gap_ms", GOAL_MS);
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(result));
        } else {
            out.printf("%-18s %s%n", "measure", "value");
            result.forEach((k, v) -> {
                if (!(v instanceof List<?>)) {
                    out.printf(Locale.ROOT, "%-18s %s%n", k, v);
                }
            });
            for (String key : List.of("slow_gaps", "stalls")) {
                for (Object line : (List<?>) result.get(key)) {
                    out.printf("%-18s %s%n", key, line);
                }
            }
            out.println("goal: max_gap_ms <= 100 on 2 quiet cores (load_per_core well under 1)");
        }
        return Boolean.TRUE.equals(result.get("every_row_stored")) ? 0 : 1;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

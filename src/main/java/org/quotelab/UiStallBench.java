package org.quotelab;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quotelab.ui.stall.StallBench;
import org.quotelab.ui.stall.StallResult;

/**
 * Lets {@code bench ui-stall} run the real window. The CLI may not reach the UI layer
 * (ArchitectureTest); like {@link Launcher}, this top-level class is where the two meet.
 */
public final class UiStallBench {

    private UiStallBench() {
    }

    /**
     * Runs the import-while-training workload in this process with the desktop app's settings and
     * returns its figures by name, in print order. {@code headless}: Monocle instead of the display.
     */
    public static Map<String, Object> run(Path dir, int rows, boolean headless) throws Exception {
        // the app's libtorch threads (one core left for the FX thread), not the CLI's
        ProcessSettings.configureDesktop();
        if (headless) {
            StallBench.useHeadlessPlatform();
        }
        StallResult r = StallBench.run(dir, rows);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_gap_ms", Math.round(r.maxGapMs() * 10) / 10.0);
        m.put("frames", r.frames());
        m.put("fps", Math.round(r.framesPerSecond() * 10) / 10.0);
        m.put("rows", r.rows());
        m.put("stored", r.stored());
        m.put("every_row_stored", r.stored() == r.expectedStored());
        m.put("import_seconds", Math.round(r.seconds() * 100) / 100.0);
        m.put("training_steps", r.trainingSteps());
        m.put("slow_gaps", r.slowGaps());
        m.put("stalls", r.stalls());
        m.put("platform", System.getProperty("glass.platform", "default") + "/" + System.getProperty("prism.order", "default"));
        return m;
    }
}

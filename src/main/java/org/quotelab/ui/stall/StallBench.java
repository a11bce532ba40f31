package org.quotelab.ui.stall;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.quotelab.service.AppHome;
import org.quotelab.service.Workbench;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.ui.WorkbenchWindow;
import org.quotelab.ui.common.FxJobs;

/**
 * Runs {@link StallWorkload} in the app's own window, on a fresh data folder, in this process:
 * the body of {@code bench ui-stall}. Starts and ends the JavaFX toolkit, so once per process.
 */
public final class StallBench {
    /** The desktop app's window size (QuoteLabApp). */
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private StallBench() {
    }

    /**
     * Renders with Monocle's headless glass and the software pipeline, as the UI tests do: no
     * display or Xvfb needed, so the bench runs on a CI machine. Pulses, CSS, layout and rendering
     * into an offscreen frame buffer are JavaFX's own; only the hand-off to a screen is missing.
     * Must run before the toolkit starts; options given on the command line win.
     */
    public static void useHeadlessPlatform() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
    }

    public static StallResult run(Path dir, int rows) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        try (Workbench wb = Workbench.open(new AppHome(dir.resolve("home")), new JobRunner(Workbench.JOB_THREADS))) {
            CompletableFuture<WorkbenchWindow> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    WorkbenchWindow window = new WorkbenchWindow(wb, new FxJobs(wb.jobs()), WIDTH, HEIGHT);
                    Stage stage = new Stage();
                    stage.setTitle("QuoteLab - ui-stall bench");
                    stage.setScene(window.scene());
                    stage.show();
                    shown.complete(window);
                } catch (RuntimeException e) {
                    shown.completeExceptionally(e);
                }
            });
            return StallWorkload.run(wb, shown.get(60, TimeUnit.SECONDS), dir, rows);
        } finally {
            Platform.exit();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

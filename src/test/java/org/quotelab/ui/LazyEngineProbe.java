package org.quotelab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.quotelab.ProcessSettings;
import org.quotelab.service.Workbench;

/**
 * Child-JVM main of {@link EngineLoadsOnFirstUseTest}: opens the workbench window as the app does,
 * visits the views that do not run a model, reports whether PyTorch is loaded, then opens Review,
 * whose unscored rows start a scoring job, and reports again once the status bar names the device.
 * Prints {@code OPENED ...} and {@code SCORED ...} lines.
 */
public final class LazyEngineProbe {

    private LazyEngineProbe() {
    }

    public static void main(String[] args) throws Exception {
        ProcessSettings.configureDesktop();
        Path dir = Path.of(args[0]);
        if (args.length > 2 && args[2].equals("prepare")) {
            // activating checks the weights with a forward pass, which loads the engine: a session
            // before this one left the store with an active cascade, as a returning user's has
            try (Workbench wb = TinyCascade.workbench(dir)) {
                TinyCascade.prepare(wb, dir, 40, Path.of(args[1]));
            }
            System.exit(0);
        }
        Workbench wb = TinyCascade.workbench(dir);
        var active = new org.quotelab.service.cascade.CascadeVersions(wb.store()).active().orElseThrow();
        CompletableFuture<WorkbenchWindow> opened = new CompletableFuture<>();
        Platform.startup(() -> opened.complete(UiFixture.show(new Stage(), wb, WorkbenchWindow.DATA)));
        WorkbenchWindow window = opened.get(30, TimeUnit.SECONDS);
        // Training asked for the devices when it opened, which loaded the engine
        for (String view : List.of(WorkbenchWindow.TRAINING, WorkbenchWindow.MODELS, WorkbenchWindow.MONITORING,
                WorkbenchWindow.DATA)) {
            fxRun(() -> window.main().show(view));
            idle(wb);
        }
        report("OPENED", wb, window, active);
        fxRun(() -> window.main().show(WorkbenchWindow.REVIEW));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (fx(() -> window.main().deviceLabel().getText()).contains(WorkbenchWindow.NOT_LOADED)
                && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        idle(wb);
        report("SCORED", wb, window, active);
        Platform.exit();
        wb.close();
        System.exit(0);
    }

    private static void report(String when, Workbench wb, WorkbenchWindow window,
            org.quotelab.service.cascade.CascadeVersions.Active active) throws Exception {
        System.out.println(when + " libtorch=" + libtorchMapped() + " engineLoaded=" + wb.engineLoaded()
                + " scored=" + wb.store().predictions().page(active.stage1().id(), active.stage2().id(), 0, 1000).items().size()
                + " device=" + fx(() -> window.main().deviceLabel().getText()));
    }

    /**
     * Whether the PyTorch native library is mapped into this process: independent of how DJL or
     * the project keep track of the engine. Linux only; elsewhere "unknown".
     */
    static String libtorchMapped() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return "unknown";
        }
        return String.valueOf(Files.readString(maps).contains("libtorch"));
    }

    /** Waits until no job has run for half a second. */
    private static void idle(Workbench wb) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long quietSince = System.nanoTime();
        while (System.nanoTime() < end) {
            if (!wb.jobs().running().isEmpty()) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 500_000_000L) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(read.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    private static Void fxRun(Runnable action) throws Exception {
        return fx(() -> {
            action.run();
            return null;
        });
    }
}

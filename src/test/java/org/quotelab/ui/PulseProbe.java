package org.quotelab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import org.quotelab.ProcessSettings;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.StepProgress;
import org.quotelab.ml.train.TrainingCancelledException;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.CascadeTrainerTestAccess;
import org.quotelab.service.cascade.Construction;

/**
 * Child-JVM main of {@link PulseGapTest}: runs the app's window headless with the app's JVM
 * options (the test JVM's GC settings are shared with the ML tests and are not the app's), imports
 * a warm-up file and then a large one through the Data view, and prints the longest gap between
 * FX pulses during the large import as {@code RESULT rows=.. seconds=.. frames=.. maxGapMs=..}.
 */
public final class PulseProbe {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private PulseProbe() {
    }

    public static void main(String[] args) throws Exception {
        ProcessSettings.configureDesktop();
        Path dir = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        Path warm = UiFixture.bulk(dir.resolve("warm-up.csv"), 20_000, "w");
        Path big = UiFixture.bulk(dir.resolve("big.csv"), rows, "b");
        Workbench wb = UiFixture.workbench(dir);
        CountDownLatch started = new CountDownLatch(1);
        WorkbenchWindow[] window = new WorkbenchWindow[1];
        Platform.startup(() -> {
            window[0] = UiFixture.window(wb);
            Stage stage = new Stage();
            stage.setScene(window[0].scene());
            stage.show();
            window[0].main().show(WorkbenchWindow.DATA);
            started.countDown();
        });
        started.await();
        // the warm-up import and training compile both paths, as in an app that has been in use for a while
        preview(window[0], warm);
        AtomicBoolean warming = new AtomicBoolean(true);
        var warmTraining = wb.jobs().submit("Warm-up training", (p, c) -> train(dir.resolve("warm"), warming,
                new AtomicLong()));
        importAndWait(window[0]);
        warming.set(false);
        warmTraining.result().get(120, TimeUnit.SECONDS);
        // the wizard opens before the clock starts: the probe measures the import, not the dialog
        preview(window[0], big);

        AtomicLong last = new AtomicLong();
        AtomicLong maxGap = new AtomicLong();
        AtomicLong frames = new AtomicLong();
        AtomicLong lastCpu = new AtomicLong();
        StringBuffer slow = new StringBuffer();
        long[] t0 = {System.nanoTime()};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long prev = last.getAndSet(now);
                long cpu = THREADS.getCurrentThreadCpuTime();
                long prevCpu = lastCpu.getAndSet(cpu);
                if (prev != 0) {
                    maxGap.accumulateAndGet(now - prev, Math::max);
                    if (now - prev > 100_000_000L) {
                        // FX-thread CPU time within the gap: work of its own, as against waiting for a core
                        slow.append(String.format(" %.0fms(fx cpu %.0fms)@%.2fs", (now - prev) / 1e6,
                                (cpu - prevCpu) / 1e6, (now - t0[0]) / 1e9));
                    }
                }
                frames.incrementAndGet();
            }
        };
        Thread[] fx = new Thread[1];
        Platform.runLater(() -> {
            fx[0] = Thread.currentThread();
            timer.start();
        });
        // a training job already under way, then the import: the user starts one while the other runs
        AtomicBoolean importing = new AtomicBoolean(true);
        AtomicLong allSteps = new AtomicLong();
        var training = wb.jobs().submit("Training while importing", (p, c) -> train(dir, importing, allSteps));
        long waitUntil = System.nanoTime() + 120_000_000_000L;
        while (allSteps.get() < 3 && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        long stepsBefore = allSteps.get();
        t0[0] = System.nanoTime();
        Thread watchdog = stallWatchdog(fx, last, t0, slow);
        importAndWait(window[0]);
        AtomicLong trainingSteps = new AtomicLong(allSteps.get() - stepsBefore);
        double seconds = (System.nanoTime() - t0[0]) / 1e9;
        importing.set(false);
        // the screen updates that follow the import (batch list, wizard closing) count too
        Thread.sleep(500);
        watchdog.interrupt();
        training.result().get(120, TimeUnit.SECONDS);
        Platform.runLater(timer::stop);
        long stored = wb.store().quotes().count();
        System.out.printf("RESULT rows=%d stored=%d seconds=%.1f frames=%d maxGapMs=%.1f trainingSteps=%d slow:%s%n",
                rows, stored, seconds, frames.get(), maxGap.get() / 1e6, trainingSteps.get(), slow);
        Platform.exit();
        wb.close();
        Files.deleteIfExists(big);
    }

    /**
     * A tiny-BERT cascade fine-tune that keeps training, epoch after epoch, for as long as the import
     * runs: the app's training job competing with the import and the FX thread for the same cores.
     */
    private static Void train(Path dir, AtomicBoolean importing, AtomicLong steps) throws Exception {
        TrainingConfig t = TrainingConfig.builder().epochs(50).batchSize(8).learningRate(1e-3).seed(3).build();
        CascadeConfig cfg = CascadeConfig.defaults(BertModels.TINY).withStages(t, t).withConstruction(Construction.SEED);
        FineTuneListener count = new FineTuneListener() {
            @Override
            public void onStep(StepProgress progress) {
                steps.incrementAndGet();
            }
        };
        try {
            new CascadeTrainer(count, phase -> { }).train(CascadeTrainerTestAccess.quotes(80, 9), cfg,
                    dir.resolve("probe-cascade"), () -> !importing.get());
        } catch (TrainingCancelledException expected) {
            // stopped when the import ended
        }
        return null;
    }

    /** When the FX thread misses pulses for over 60 ms, records where it is: the cause of a slow gap. */
    private static Thread stallWatchdog(Thread[] fx, AtomicLong last, long[] t0, StringBuffer out) {
        Thread t = new Thread(() -> {
            long reported = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
                long prev = last.get();
                if (fx[0] != null && prev != 0 && prev != reported && System.nanoTime() - prev > 60_000_000L) {
                    reported = prev;
                    StringBuilder where = new StringBuilder();
                    StackTraceElement[] stack = fx[0].getStackTrace();
                    for (int i = 0; i < Math.min(Integer.getInteger("probe.depth", 14), stack.length); i++) {
                        where.append(i == 0 ? "" : " < ").append(stack[i].getClassName()
                                .replaceAll(".*\\.", "")).append('.').append(stack[i].getMethodName());
                    }
                    out.append(String.format(" [stall@%.2fs: %s]", (prev - t0[0]) / 1e9, where));
                }
            }
        }, "pulse-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void preview(WorkbenchWindow w, Path file) throws InterruptedException {
        CountDownLatch previewed = new CountDownLatch(1);
        Platform.runLater(() -> {
            w.data().previewProperty().addListener((o, a, p) -> {
                if (p != null && p.file().equals(file)) {
                    previewed.countDown();
                }
            });
            w.data().openFile(file);
        });
        if (!previewed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no preview of " + file);
        }
        // let the wizard's first layout (tables, a combo box per column) happen before the import:
        // that is the cost of opening the wizard, not of the import the probe measures
        Thread.sleep(1500);
    }

    private static void importAndWait(WorkbenchWindow w) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            ChangeListener<Boolean> idle = (o, was, busy) -> {
                if (!busy) {
                    done.countDown();
                }
            };
            w.data().busyProperty().addListener(idle);
            w.data().startImport();
        });
        if (!done.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the import did not finish");
        }
    }
}

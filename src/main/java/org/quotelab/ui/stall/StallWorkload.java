package org.quotelab.ui.stall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.BackgroundTraining;
import org.quotelab.service.jobs.JobHandle;
import org.quotelab.service.sample.BulkSampleWriter;
import org.quotelab.service.sample.SampleDataGenerator;
import org.quotelab.ui.WorkbenchWindow;

/**
 * The heaviest thing a user does at once: a large import through the Data view while a model
 * trains (docs/decisions/0011-responsive-ui-under-load.md). Shared by {@code bench ui-stall},
 * which judges the longest pulse gap, and by a test that checks the functional half (every row
 * stored, frames keep coming, the training runs during the import), which holds on any machine.
 * Runs on a thread of its own against a shown window; never on the FX thread.
 */
public final class StallWorkload {
    public static final int WARM_UP_ROWS = 20_000;
    private StallWorkload() {
    }

    /**
     * Warms up both paths (an import with a training job beside it, as in an app that has been in use
     * for a while), then imports {@code rows} generated quotes while a training job runs, measuring
     * the FX pulses during that import. Files and model folders go to {@code dir}.
     */
    public static StallResult run(Workbench wb, WorkbenchWindow window, Path dir, int rows) throws Exception {
        return run(wb, window, dir, rows, WARM_UP_ROWS);
    }

    /** As {@link #run(Workbench, WorkbenchWindow, Path, int)} with a warm-up import of {@code warmUpRows}. */
    public static StallResult run(Workbench wb, WorkbenchWindow window, Path dir, int rows, int warmUpRows)
            throws Exception {
        Path warm = new BulkSampleWriter().write(dir.resolve("warm-up.csv"), warmUpRows,
                SampleDataGenerator.DEFAULT_SEED + 1);
        Path big = new BulkSampleWriter().write(dir.resolve("big.csv"), rows, SampleDataGenerator.DEFAULT_SEED);
        long before = wb.imports().quoteCount();
        Platform.runLater(() -> window.main().show(WorkbenchWindow.DATA));
        preview(window, warm);
        AtomicBoolean warming = new AtomicBoolean(true);
        JobHandle<Void> warmTraining = wb.jobs().submit("Warm-up training",
                (p, c) -> train(dir.resolve("warm-up-cascade"), warming, new AtomicLong()));
        importAndWait(window);
        warming.set(false);
        warmTraining.result().get(120, TimeUnit.SECONDS);
        // the wizard opens before the clock starts: this measures the import, not the dialog
        preview(window, big);

        // a training job already under way, then the import: the user starts one while the other runs
        AtomicBoolean importing = new AtomicBoolean(true);
        AtomicLong steps = new AtomicLong();
        JobHandle<Void> training = wb.jobs().submit("Training while importing",
                (p, c) -> train(dir.resolve("cascade"), importing, steps));
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (steps.get() < 3 && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        long stepsBefore = steps.get();
        PulseMeter meter = new PulseMeter();
        meter.start();
        long t0 = System.nanoTime();
        importAndWait(window);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long trainingSteps = steps.get() - stepsBefore;
        importing.set(false);
        Thread.sleep((long) (PulseMeter.TAIL_SECONDS * 1000));
        meter.stop();
        training.result().get(120, TimeUnit.SECONDS);
        long stored = wb.imports().quoteCount();
        Files.deleteIfExists(big);
        Files.deleteIfExists(warm);
        return new StallResult(rows, stored, before + warmUpRows + rows, seconds, meter.frames(), meter.maxGapMs(),
                trainingSteps, meter.slowGaps(), meter.stalls());
    }

    /** The app's training job competing with the import and the FX thread for the same cores. */
    private static Void train(Path out, AtomicBoolean importing, AtomicLong steps) throws Exception {
        BackgroundTraining.runUntil(trainingQuotes(), out, () -> !importing.get(), steps);
        return null;
    }

    /** The first 120 quotes of the first generated sample day: both stages' classes, no files needed. */
    static List<LabelledText> trainingQuotes() {
        List<String> header = SampleDataGenerator.HEADER;
        int text = header.indexOf("quote_text");
        int label = header.indexOf("label");
        int topic = header.indexOf("topic_id");
        List<LabelledText> out = new ArrayList<>();
        for (List<String> row : new SampleDataGenerator().day(1, SampleDataGenerator.DEFAULT_SEED)) {
            boolean in = "1".equals(row.get(label));
            out.add(new LabelledText(row.get(text), in, in ? row.get(topic) : null));
            if (out.size() == 120) {
                break;
            }
        }
        return out;
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
        if (!previewed.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no preview of " + file);
        }
        // the wizard's first layout (tables, a combo box per column) is the cost of opening it,
        // not of the import that is measured
        Thread.sleep(1500);
    }

    private static void importAndWait(WorkbenchWindow w) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            ChangeListener<Boolean> idle = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                    if (!busy) {
                        w.data().busyProperty().removeListener(this);
                        done.countDown();
                    }
                }
            };
            w.data().busyProperty().addListener(idle);
            w.data().startImport();
        });
        if (!done.await(600, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the import did not finish");
        }
    }
}

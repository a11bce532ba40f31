package org.quotelab.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.quotelab.service.AppHome;
import org.quotelab.service.Workbench;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.store.QuoteStore;
import org.quotelab.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

/** A real workbench on a temporary H2 store, CSV writers and an FX-thread-safe wait for the UI tests. */
public final class UiFixture {
    public static final String HEADER = "quote_id,quote_text,label,topic,group";
    /**
     * How long a read on the FX thread may wait for its turn. It only guards against a hang: on a
     * loaded 2-core machine the FX thread can be starved for several seconds while a test's
     * background job trains or scores, and a 5-second limit failed tests that were right.
     */
    private static final int FX_ANSWER_SECONDS = 30;

    private UiFixture() {
    }

    public static Workbench workbench(Path dir) {
        AppHome home = new AppHome(dir.resolve("home"));
        QuoteStore store = QuoteStore.open(home.database());
        return new Workbench(store, home.models(), new JobRunner(Workbench.JOB_THREADS), "tester");
    }

    public static WorkbenchWindow window(Workbench wb) {
        return new WorkbenchWindow(wb, new FxJobs(wb.jobs()), 1200, 760);
    }

    /** A window on {@code wb} in {@code stage}, showing {@code view}. */
    public static WorkbenchWindow show(javafx.stage.Stage stage, Workbench wb, String view) {
        WorkbenchWindow window = window(wb);
        stage.setScene(window.scene());
        stage.show();
        window.main().show(view);
        return window;
    }

    /** Closes the test's windows, lets callbacks already queued for the FX thread run, then closes the workbench. */
    public static void closeAll(Workbench wb) throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        wb.close();
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** {@code rows} quotes: every fifth out-of-topic and unlabelled, the others labelled with topics 1-7. */
    public static Path bulk(Path file, int rows, String prefix) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < rows; i++) {
                boolean labelled = i % 5 != 0;
                w.write(prefix + i + ",\"The battery of unit " + i + " lasts a day, which is fine\","
                        + (labelled ? "1" : "") + "," + (labelled ? String.valueOf(1 + i % 7) : "") + ",g" + (i % 3) + "\n");
            }
        }
        return file;
    }

    /**
     * How much longer than its nominal time a wait may take. The waits only guard against a hang
     * and return as soon as the condition holds; under a load of 15 to 20 on 2 cores, jobs that
     * take 2 s on a quiet machine took over 20, and right tests failed.
     */
    static final double SLACK = 3;

    /** Polls {@code condition} on the FX thread until it holds, for at most {@link #SLACK} times {@code seconds}. */
    public static void until(double seconds, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + (long) (seconds * SLACK * 1e9);
        while (System.nanoTime() < end) {
            if (WaitForAsyncUtils.asyncFx(condition).get(FX_ANSWER_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new TimeoutException("condition not met within " + seconds * SLACK + " s");
    }

    /**
     * Looks a node up on the FX thread. A lookup from the test thread walks children lists that
     * the FX thread may be changing at that moment (charts, virtual flows) and fails at random.
     */
    public static <T extends javafx.scene.Node> T find(org.testfx.api.FxRobot robot, String query, Class<T> type)
            throws Exception {
        return fx(() -> robot.lookup(query).queryAs(type));
    }

    /** A lookup already on the FX thread (inside robot.interact or fx). */
    public static <T extends javafx.scene.Node> T findNow(org.testfx.api.FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(FX_ANSWER_SECONDS, TimeUnit.SECONDS);
    }
}

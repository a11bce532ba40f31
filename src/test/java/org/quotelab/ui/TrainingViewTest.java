package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.model.TrainingRun;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.training.TrainingDays;
import org.quotelab.service.training.TrainingOutcome;
import org.quotelab.ui.training.JobKind;
import org.quotelab.ui.training.TrainingForm;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Training view on a real H2 store with labelled quotes and no model: a job draws its loss
 * live and can be cancelled without registering anything; "Train the first model" trains the tiny
 * cascade, activates it and the status bar and Review follow.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        wb = TinyCascade.workbench(dir);
        TrainingDays.importDay(wb.store(), dir, "day-01", 80, 11);
        window = UiFixture.show(stage, wb, WorkbenchWindow.TRAINING);
    }

    @AfterEach
    void close() throws Exception {
        // a finished job reloads Review, whose callbacks chain further jobs: let them end first
        long quietSince = System.nanoTime();
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end && System.nanoTime() - quietSince < 1_000_000_000L) {
            if (!wb.jobs().running().isEmpty()) {
                quietSince = System.nanoTime();
            }
            Thread.sleep(50);
        }
        UiFixture.closeAll(wb);
    }

    @Test
    void aContinualUpdateFromTheFormLearnsTheSelectedBatch(FxRobot robot) throws Exception {
        tinyForm(1);
        robot.clickOn("#training-first-model");
        UiFixture.until(120, () -> window.training().outcomeProperty().get() != null);
        long firstRun = UiFixture.fx(() -> window.training().outcomeProperty().get().runId());
        // the job is over: the phase line says so, the counts add up; the default stage 1 trains on
        // every row (no validation loss), stage 2 holds rows out and has one
        assertTrue(UiFixture.fx(() -> window.training().phaseProperty().get()).startsWith("finished"));
        String counts = UiFixture.fx(() -> window.training().countsProperty().get());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(\\d+) labelled quotes = (\\d+) to train \\+ (\\d+) held out.*fine-tuning on all (\\d+), the last epoch kept")
                .matcher(counts);
        assertTrue(m.find(), counts);
        assertEquals(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)), counts);
        assertEquals(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(4)), counts);
        assertTrue(UiFixture.fx(() -> window.training().epochs().stream()
                .anyMatch(r -> Double.isFinite(r.validationLoss()))));
        ChartViewer chart = robot.lookup("#training-loss-chart").queryAs(ChartViewer.class);
        assertEquals(java.util.List.of("stage 1", "stage 2"), UiFixture.fx(() -> {
            var items = chart.getChart().getXYPlot().getFixedLegendItems();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < items.getItemCount(); i++) {
                names.add(items.get(i).getLabel());
            }
            return names;
        }));
        TrainingDays.importDay(wb.store(), dir, "day-02", 40, 12);
        UiFixture.fx(() -> {
            window.training().reload();
            TrainingForm f = window.training().form();
            f.kind().set(JobKind.CONTINUAL_UPDATE);
            f.strategy().set("naive");
            f.updateLearningRate().set("1e-3");
            return null;
        });
        UiFixture.until(10, () -> window.training().batches().size() == 2);
        ListView<?> batches = robot.lookup("#training-batches").queryAs(ListView.class);
        UiFixture.fx(() -> {
            batches.getSelectionModel().select(1);
            return null;
        });
        long day2 = UiFixture.fx(() -> window.training().batches().get(1).id());
        assertEquals(java.util.List.of(day2), UiFixture.fx(() -> java.util.List.copyOf(window.training().form().batchIds())));
        robot.clickOn("#training-start");
        UiFixture.until(120, () -> !window.training().runningProperty().get()
                && window.training().outcomeProperty().get() != null
                && window.training().outcomeProperty().get().runId() != firstRun);
        TrainingOutcome o = UiFixture.fx(() -> window.training().outcomeProperty().get());
        TrainingRun run = wb.store().runs().find(o.runId()).orElseThrow();
        assertEquals(RunStatus.DONE, run.status());
        assertTrue(run.paramsJson().contains("\"strategy\":\"naive\"")
                && run.paramsJson().contains("\"batches\":[" + day2 + "]"), run.paramsJson());
        assertTrue(chartPoints(robot) >= 2, "the update's loss is drawn");
        // promoted or kept as candidate by the gate, the candidates are registered either way
        assertEquals(o.stage1Version(), wb.store().models().list(1).stream().mapToLong(v -> v.id()).max().orElseThrow());
    }

    /** The tiny BERT with a quick recipe; {@code epochs} for stage 1. */
    private void tinyForm(int epochs) throws Exception {
        UiFixture.fx(() -> {
            TrainingForm f = window.training().form();
            f.baseModel().set("tiny");
            f.stage1Epochs().set(String.valueOf(epochs));
            f.stage2Epochs().set("1");
            // the default stage 1 mean-pools a random tiny BERT: one epoch needs a large step to pass any quote
            f.stage1LearningRate().set("2e-2");
            f.stage2LearningRate().set("1e-3");
            f.batchSize().set("8");
            f.construction().set(Construction.SEED);
            return null;
        });
    }

    private static int chartPoints(FxRobot robot) throws Exception {
        ChartViewer chart = robot.lookup("#training-loss-chart").queryAs(ChartViewer.class);
        // two series per phase, the raw loss first: count the raw points of every phase
        return UiFixture.fx(() -> {
            var data = chart.getChart().getXYPlot().getDataset();
            int points = 0;
            for (int s = 0; s < data.getSeriesCount(); s += 2) {
                points += data.getItemCount(s);
            }
            return points;
        });
    }

    @Test
    void theLossCurveGrowsLiveAndCancellingRegistersNothing(FxRobot robot) throws Exception {
        tinyForm(200); // long enough to be cancelled while it runs
        robot.clickOn("#training-start");
        UiFixture.until(60, () -> chartPoints(robot) >= 2);
        assertTrue(UiFixture.fx(() -> window.training().runningProperty().get()));
        StatusBar status = robot.lookup(".status-bar").queryAs(StatusBar.class);
        assertTrue(UiFixture.fx(status::getText).contains("Training: both"), "the status bar lists the job");
        robot.clickOn("#training-cancel");
        UiFixture.until(30, () -> !window.training().runningProperty().get());

        TrainingRun run = wb.store().runs().list().get(0);
        assertEquals(RunStatus.CANCELLED, run.status());
        assertTrue(wb.store().models().list(1).isEmpty() && wb.store().models().list(2).isEmpty());
        assertTrue(wb.store().models().active(1).isEmpty());
        assertTrue(UiFixture.fx(() -> window.training().messageProperty().get()).startsWith("Training cancelled"));
        assertTrue(UiFixture.fx(() -> window.main().versionsLabel().getText()).contains("Stage 1: none"));
        // the banner offers the first model again
        UiFixture.until(10, () -> window.training().offerFirstModelProperty().get());
    }

    @Test
    void trainTheFirstModelActivatesACascadeThatTheStatusBarAndReviewShow(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.training().offerFirstModelProperty().get());
        Node banner = robot.lookup("#training-first-model").query();
        assertTrue(UiFixture.fx(banner::isVisible));
        tinyForm(1);
        robot.clickOn("#training-first-model");
        UiFixture.until(120, () -> window.training().outcomeProperty().get() != null);
        TrainingOutcome o = UiFixture.fx(() -> window.training().outcomeProperty().get());

        assertEquals(o.stage1Version(), wb.store().models().active(1).orElseThrow().id());
        assertEquals(o.stage2Version(), wb.store().models().active(2).orElseThrow().id());
        assertEquals(RunStatus.DONE, wb.store().runs().find(o.runId()).orElseThrow().status());
        assertEquals(2, UiFixture.fx(() -> window.training().epochs().size()));
        assertTrue(chartPoints(robot) >= 2);
        Label versions = window.main().versionsLabel();
        UiFixture.until(10, () -> versions.getText().contains("Stage 1: v" + o.stage1Version())
                && versions.getText().contains("Stage 2: v" + o.stage2Version()));
        UiFixture.until(10, () -> !window.training().offerFirstModelProperty().get());

        robot.clickOn("#nav-review");
        UiFixture.until(10, () -> window.review().contextProperty().get() != null
                && Long.valueOf(o.stage1Version()).equals(window.review().contextProperty().get().stage1VersionId()));
        Node reviewBanner = robot.lookup("#review-first-model").query();
        UiFixture.until(10, () -> !reviewBanner.getParent().isVisible());
    }
}

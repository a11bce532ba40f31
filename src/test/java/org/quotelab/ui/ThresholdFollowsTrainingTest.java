package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.training.TrainingDays;
import org.quotelab.ui.threshold.ThresholdViewModel;
import org.quotelab.ui.training.TrainingForm;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Threshold without a model explains the way in the app (no command line), and picks up the first
 * trained cascade without Reload; Ctrl+Q quits.
 */
@ExtendWith(ApplicationExtension.class)
class ThresholdFollowsTrainingTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        wb = TinyCascade.workbench(dir);
        TrainingDays.importDay(wb.store(), dir, "day-01", 80, 11);
        window = UiFixture.show(stage, wb, WorkbenchWindow.THRESHOLD);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.until(60, () -> wb.jobs().running().isEmpty());
        UiFixture.closeAll(wb);
    }

    @Test
    void theEmptyStatePointsToTrainingAndTheNewCascadeShowsWithoutReload(FxRobot robot) throws Exception {
        UiFixture.until(20, () -> ThresholdViewModel.NO_CASCADE.equals(window.threshold().messageProperty().get()));
        assertFalse(ThresholdViewModel.NO_CASCADE.contains("quotelab "), "no command line for app users");
        assertTrue(ThresholdViewModel.NO_CASCADE.contains("Training view"));

        AtomicBoolean quit = new AtomicBoolean();
        UiFixture.fx(() -> {
            window.setOnQuit(() -> quit.set(true));
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        UiFixture.until(5, quit::get);

        UiFixture.fx(() -> {
            TrainingForm f = window.training().form();
            f.baseModel().set("tiny");
            f.stage1Epochs().set("1");
            f.stage2Epochs().set("1");
            // the default stage 1 mean-pools a random tiny BERT: one epoch needs a large step to pass any quote
            f.stage1LearningRate().set("2e-2");
            f.stage2LearningRate().set("1e-3");
            f.batchSize().set("8");
            f.construction().set(Construction.SEED);
            window.training().trainFirstModel();
            return null;
        });
        UiFixture.until(180, () -> window.training().outcomeProperty().get() != null);
        // the view on screen reloads by itself: the message is no longer the empty state
        UiFixture.until(60, () -> !window.threshold().busyProperty().get()
                && !ThresholdViewModel.NO_CASCADE.equals(window.threshold().messageProperty().get()));
        assertEquals(WorkbenchWindow.THRESHOLD, UiFixture.fx(() -> window.main().currentProperty().get()));
        assertTrue(UiFixture.fx(() -> window.main().versionsLabel().getText()).startsWith("Serving: fine-tuned model"));
    }
}

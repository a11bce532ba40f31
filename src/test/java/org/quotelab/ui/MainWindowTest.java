package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.ui.common.Feature;
import org.quotelab.ui.common.FxJobs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final JobRunner runner = new JobRunner(1);
    private MainWindow window;

    @Start
    void start(Stage stage) {
        FxJobs jobs = new FxJobs(runner);
        window = new MainWindow(List.of(
                new Feature("Data", "data", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                        () -> label("data-view")),
                new Feature("Review", "review", new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                        () -> label("review-view"))), jobs);
        Scene scene = new Scene(window.root(), 800, 600);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static Label label(String id) {
        Label l = new Label(id);
        l.setId(id);
        return l;
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void navigatesByClickAndShortcutAndShowsRunningJobs(FxRobot robot) throws Exception {
        assertTrue(UiFixture.fx(() -> robot.lookup("#data-view").tryQuery().isPresent()));
        robot.clickOn(UiFixture.find(robot, "#nav-review", javafx.scene.Node.class));
        assertTrue(UiFixture.fx(() -> robot.lookup("#review-view").tryQuery().isPresent()));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiFixture.fx(() -> robot.lookup("#data-view").tryQuery().isPresent()));

        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        runner.submit("slow import", (p, c) -> {
            hold.await();
            return null;
        });
        for (int i = 0; i < 50 && !statusText().contains("slow import"); i++) {
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(statusText().contains("slow import"), statusText());
        hold.countDown();
        for (int i = 0; i < 50 && !statusText().equals("Ready"); i++) {
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals("Ready", statusText());
    }

    private String statusText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((org.controlsfx.control.StatusBar) window.root().getBottom()).getText()).get();
    }
}

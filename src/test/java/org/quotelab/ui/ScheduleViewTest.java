package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.service.Workbench;
import org.quotelab.service.schedule.ScheduleSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Schedule panel on a real store: edit and save the policy, the background run imports a dropped file, links. */
@ExtendWith(ApplicationExtension.class)
class ScheduleViewTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        wb = UiFixture.workbench(dir);
        window = UiFixture.show(stage, wb, WorkbenchWindow.SCHEDULE);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return UiFixture.fx(robot.lookup(id).queryAs(Label.class)::getText);
    }

    @Test
    void savingStartsTheScheduleWhichImportsADroppedFileAndLinksToItsBatch(FxRobot robot) throws Exception {
        var vm = window.schedule();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        UiFixture.until(10, () -> text(robot, "#schedule-state").startsWith("Stopped: choose a folder"));
        robot.clickOn("#schedule-folder").write(inbox.toString());
        UiFixture.fx(() -> {
            vm.everyBatchesProperty().set("2");
            vm.minLabelsProperty().set("0");
            vm.pollSecondsProperty().set("1");
            return null;
        });
        robot.clickOn("#schedule-drift");
        robot.clickOn("#schedule-enabled");
        robot.clickOn("#schedule-save");
        UiFixture.until(20, () -> text(robot, "#schedule-state").startsWith("Running: watching " + inbox));
        assertTrue(text(robot, "#schedule-state").contains("update after 2 new batches"), text(robot, "#schedule-state"));
        assertTrue(text(robot, "#schedule-next").startsWith("Next look at the folder"), text(robot, "#schedule-next"));
        ScheduleSettings saved = wb.schedule().settings();
        assertEquals(inbox.toString(), saved.folder());
        assertFalse(saved.onDrift());
        assertTrue(saved.enabled());

        UiFixture.bulk(inbox.resolve("day-07.csv"), 30, "s");
        UiFixture.until(60, () -> vm.events().stream().anyMatch(e -> e.kind() == ScheduleEvent.Kind.DECISION));
        assertEquals(1, wb.store().batches().count());
        TableView<?> table = robot.lookup("#schedule-history").queryAs(TableView.class);
        int importRow = UiFixture.fx(() -> vm.events().stream().map(ScheduleEvent::kind).toList()
                .indexOf(ScheduleEvent.Kind.IMPORT));
        UiFixture.fx(() -> {
            table.getSelectionModel().select(importRow);
            return null;
        });
        assertTrue(UiFixture.fx(robot.lookup("#schedule-show-version").queryAs(Button.class)::isDisabled));
        long batch = UiFixture.fx(() -> vm.selectedProperty().get().batchIds().get(0));
        robot.clickOn("#schedule-show-batch");
        UiFixture.until(10, () -> WorkbenchWindow.REVIEW.equals(window.main().currentProperty().get()));
        assertEquals(batch, (long) UiFixture.fx(() -> window.review().filtersProperty().get().batchId()));

        UiFixture.fx(() -> {
            window.main().show(WorkbenchWindow.SCHEDULE);
            return null;
        });
        robot.clickOn("#schedule-enabled");
        robot.clickOn("#schedule-save");
        UiFixture.until(20, () -> text(robot, "#schedule-state").startsWith("Stopped ("));
        assertFalse(wb.schedule().running());
    }

    @Test
    void aBadNumberOrTimeIsNotSavedAndSaysWhy(FxRobot robot) throws Exception {
        var vm = window.schedule();
        UiFixture.until(10, () -> !text(robot, "#schedule-state").isEmpty());
        UiFixture.fx(() -> {
            vm.everyBatchesProperty().set("three");
            return null;
        });
        robot.clickOn("#schedule-save");
        UiFixture.until(5, () -> text(robot, "#schedule-message").equals(
                "Not saved: the number of batches must be a whole number, 0 or more, not 'three'"));
        UiFixture.fx(() -> {
            vm.everyBatchesProperty().set("3");
            vm.atProperty().set("2 am");
            return null;
        });
        robot.clickOn("#schedule-save");
        UiFixture.until(5, () -> text(robot, "#schedule-message").contains("HH:MM"));
        assertEquals(ScheduleSettings.defaults(), wb.schedule().settings());
    }
}

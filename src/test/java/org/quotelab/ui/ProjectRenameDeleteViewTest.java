package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.project.Project;
import org.quotelab.service.Workbench;
import org.quotelab.store.QuoteStore;
import org.quotelab.ui.common.DirectJobs;
import org.quotelab.ui.projects.ProjectsViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renaming the project on screen and deleting another one from the project bar: the confirmation
 * names what goes, "Keep it" keeps it, and the project in use, the last project and a delete while
 * a job runs are refused with a message.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectRenameDeleteViewTest {
    private static final String HEAD = "quote_id,quote_text,label,topic_id\n";
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage s) throws Exception {
        wb = UiFixture.workbench(dir);
        wb.store().importer().importFile(UiFixture.write(dir, "day-1.csv", HEAD
                + "a,The battery died,1,1\nb,Nice weather,0,0\n"), ImportOptions.defaults());
        window = UiFixture.show(s, wb, WorkbenchWindow.REVIEW);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    @Test
    void renamesTheCurrentProjectAndDeletesAnotherAfterConfirming(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> current() != null && current().name().equals("Default"));

        // rename the project on screen
        robot.clickOn("#project-rename");
        TextField name = UiFixture.find(robot, "#project-name", TextField.class);
        assertEquals("Default", UiFixture.fx(name::getText));
        robot.interact(() -> name.setText("Phones"));
        robot.clickOn(button(UiFixture.fx(() -> (DialogPane) name.getScene().getRoot()), "OK"));
        UiFixture.until(10, () -> current().name().equals("Phones") && switcherText(robot).equals("Phones"));
        assertEquals("Phones", wb.currentProject().name());

        // the last project cannot go
        robot.clickOn("#project-delete");
        robot.clickOn(button(UiFixture.find(robot, "#project-delete-choice", DialogPane.class), "OK"));
        UiFixture.until(10, () -> message(robot).contains("only project"));

        // another project with a batch and a model folder in the data folder
        Project hotels = wb.projects().create("Hotels");
        QuoteStore other = wb.store().forProject(hotels.id());
        other.importer().importFile(UiFixture.write(dir, "hotels.csv", HEAD
                + "h1,Room was cold,1,12\nh2,Breakfast good,1,15\nh3,Nice view,,\n"), ImportOptions.defaults());
        Path folder = dir.resolve("home").resolve("models").resolve("hotels-run");
        Files.createDirectories(folder.resolve("stage1"));
        other.models().create(1, null, folder.resolve("stage1").toString(), "{}", "{}");
        robot.interact(() -> window.projects().reload());
        UiFixture.until(10, () -> UiFixture.fx(() -> window.projects().projects().size()) == 2);

        // the confirmation names what goes; "Keep it" keeps it
        robot.clickOn("#project-delete");
        DialogPane choice = UiFixture.find(robot, "#project-delete-choice", DialogPane.class);
        robot.clickOn(button(choice, "OK")); // the other project is offered first
        DialogPane confirm = UiFixture.find(robot, "#project-delete-confirm", DialogPane.class);
        String text = UiFixture.fx(confirm::getContentText);
        assertTrue(text.contains("1 batch, 3 quotes, 2 labels, 1 model version, 0 training runs"), text);
        assertTrue(UiFixture.fx(confirm::getHeaderText).contains("'Hotels'"));
        robot.clickOn(button(confirm, "Keep it"));
        Thread.sleep(300);
        assertEquals(2, wb.projects().list().size());

        robot.clickOn("#project-delete");
        robot.clickOn(button(UiFixture.find(robot, "#project-delete-choice", DialogPane.class), "OK"));
        robot.clickOn(button(UiFixture.find(robot, "#project-delete-confirm", DialogPane.class), "Delete project"));
        UiFixture.until(15, () -> message(robot).startsWith("Deleted project 'Hotels'"));
        assertEquals(List.of("Phones"), wb.projects().list().stream().map(Project::name).toList());
        assertEquals(1, UiFixture.fx(() -> window.projects().projects().size()));
        assertTrue(Files.notExists(folder), "its model folder in the data folder goes too");
        assertEquals(1, wb.store().batches().count(), "the project on screen keeps its data");

        // the project in use, and any project while a job runs, are refused without a dialog
        Project third = wb.projects().create("Third");
        robot.interact(() -> window.projects().reload());
        UiFixture.until(10, () -> UiFixture.fx(() -> window.projects().projects().size()) == 2);
        Project inUse = current();
        robot.interact(() -> window.projects().askDelete(inUse, held -> { }));
        UiFixture.until(10, () -> message(robot).contains("is the project in use"));
        ProjectsViewModel busy = new ProjectsViewModel(wb, DirectJobs.immediate(), () -> 1, p -> { });
        busy.reload();
        busy.askDelete(third, held -> { throw new AssertionError("no confirmation while a job runs"); });
        assertTrue(busy.messageProperty().get().contains("running job"), busy.messageProperty().get());
        assertEquals(2, wb.projects().list().size());
    }

    private Project current() throws Exception {
        return UiFixture.fx(() -> window.projects().currentProperty().get());
    }

    private static String message(FxRobot robot) throws Exception {
        return UiFixture.fx(() -> UiFixture.findNow(robot, "#project-message", Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private static String switcherText(FxRobot robot) throws Exception {
        ComboBox<Project> s = UiFixture.findNow(robot, "#project-switcher", ComboBox.class);
        return UiFixture.fx(() -> s.getValue() == null ? "" : s.getValue().name());
    }

    private static Node button(DialogPane pane, String text) throws Exception {
        return UiFixture.fx(() -> pane.lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && b.getText().equals(text)).findFirst().orElseThrow());
    }
}

package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.project.Project;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The project switcher, the label-schema editor and the import-topic dialog, driven as a user
 * would: keys stay what the legend shows across restarts and imports, switching a project
 * reloads every view, and a file with unknown topics asks before anything joins the schema.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectsAndSchemaViewTest {
    private static final String HEAD = "quote_id,quote_text,label,topic_id\n";
    @TempDir
    Path dir;
    private Stage stage;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        wb = UiFixture.workbench(dir);
        wb.store().importer().importFile(UiFixture.write(dir, "day-1.csv", HEAD
                + "a,The battery died,1,1\nb,Screen cracked,1,2\nc,Parcel late,1,3\nd,Nice weather,0,0\n"
                + "e,Unlabelled one,,\nf,Unlabelled two,,\n"), ImportOptions.defaults());
        window = UiFixture.show(stage, wb, WorkbenchWindow.REVIEW);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    @Test
    void schemaKeysStayAcrossRestartsAndImports(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> legend(robot).contains("3 topic 3"));
        assertEquals(List.of("1 topic 1", "2 topic 2", "3 topic 3"), legend(robot).subList(0, 3));

        // the schema editor: topic 3 becomes "delivery" on key D
        robot.clickOn("#schema-edit");
        UiFixture.until(10, () -> UiFixture.find(robot, "#schema-table", TableView.class).getItems().size() == 3);
        TableView<?> table = UiFixture.find(robot, "#schema-table", TableView.class);
        robot.interact(() -> table.getSelectionModel().select(2));
        robot.interact(() -> {
            UiFixture.findNow(robot, "#schema-name", TextField.class).setText("delivery");
            UiFixture.findNow(robot, "#schema-key", TextField.class).setText("D");
        });
        robot.clickOn("#schema-apply");
        UiFixture.until(10, () -> legend(robot).contains("D delivery"));
        // a key another topic has is refused, with that topic's name
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            UiFixture.findNow(robot, "#schema-key", TextField.class).setText("d");
        });
        robot.clickOn("#schema-apply");
        UiFixture.until(10, () -> UiFixture.findNow(robot, "#schema-message", Label.class).getText()
                .contains("key d already labels 'delivery'"));

        // a later file brings topic 4: it takes the first free key, the others keep theirs
        wb.store().importer().importFile(UiFixture.write(dir, "day-2.csv", HEAD + "g,Loud speaker,1,4\n"),
                ImportOptions.defaults());
        // restart: a new workbench and window on the same data folder
        DialogPane editor = UiFixture.find(robot, "#schema-editor", DialogPane.class);
        robot.interact(() -> editor.getScene().getWindow().hide());
        wb.close();
        wb = UiFixture.workbench(dir);
        robot.interact(() -> {
            window = UiFixture.window(wb);
            stage.setScene(window.scene());
            stage.show();
            window.main().show(WorkbenchWindow.REVIEW);
        });
        UiFixture.until(10, () -> legend(robot).contains("3 topic 4"));
        assertEquals(List.of("1 topic 1", "2 topic 2", "D delivery", "3 topic 4"), legend(robot).subList(0, 4));

        // pressing the key the legend shows labels that topic
        UiFixture.until(10, () -> window.review().rows().size() == 7);
        int row = UiFixture.fx(() -> {
            for (int i = 0; i < window.review().rows().size(); i++) {
                if (window.review().rows().get(i).label() == null) {
                    return i;
                }
            }
            return -1;
        });
        long id = UiFixture.fx(() -> window.review().rows().get(row).quote().id());
        TableView<QuoteRow> reviewTable = UiFixture.find(robot, "#review-table", TableView.class);
        robot.interact(() -> {
            reviewTable.getSelectionModel().clearAndSelect(row);
            reviewTable.requestFocus();
        });
        robot.type(KeyCode.D);
        UiFixture.until(10, () -> wb.store().labels().current(id).isPresent());
        assertEquals("3", wb.store().labels().current(id).orElseThrow().label().topic());
    }

    @Test
    void switchingProjectsReloadsEveryView(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 6);
        UiFixture.until(10, () -> UiFixture.fx(() -> window.projects().currentProperty().get()) != null);
        assertEquals("Default", UiFixture.fx(() -> window.projects().currentProperty().get().name()));

        robot.clickOn("#project-new");
        UiFixture.until(10, () -> robot.lookup("#project-name").tryQuery().isPresent());
        TextField name = UiFixture.find(robot, "#project-name", TextField.class);
        robot.interact(() -> name.setText("Hotels"));
        robot.clickOn(button(UiFixture.fx(() -> (DialogPane) name.getScene().getRoot()), "OK"));
        UiFixture.until(15, () -> window.projects().currentProperty().get() != null
                && window.projects().currentProperty().get().name().equals("Hotels"));
        // every view now reads the new, empty project
        UiFixture.until(10, () -> window.review().rows().isEmpty() && legend(robot).get(0).startsWith("0 "));
        robot.interact(() -> window.main().show(WorkbenchWindow.DATA));
        UiFixture.until(10, () -> window.data().batches().isEmpty());
        assertEquals(0, wb.store().batches().count());

        // a first file defines the new project's schema without asking
        Path hotels = UiFixture.write(dir, "hotels.csv", HEAD + "h1,Room was cold,1,12\nh2,Breakfast good,1,15\n");
        robot.interact(() -> window.data().openFile(hotels));
        UiFixture.until(10, () -> window.data().previewProperty().get() != null);
        robot.clickOn(UiFixture.find(robot, "#import-run", Node.class));
        UiFixture.until(20, () -> window.data().batches().size() == 1);
        assertEquals(List.of("12", "15"), wb.schema().schema().topics().stream().map(t -> t.key()).toList());

        // back to Default through the switcher: its batch, quotes and keys are there again
        ComboBox<Project> switcher = UiFixture.find(robot, "#project-switcher", ComboBox.class);
        Project first = UiFixture.fx(() -> switcher.getItems().get(0));
        robot.interact(() -> switcher.setValue(first));
        UiFixture.until(15, () -> "Default".equals(window.projects().currentProperty().get().name())
                && window.data().batches().size() == 1 && window.data().batches().get(0).batch().day().equals("day-1"));
        robot.interact(() -> window.main().show(WorkbenchWindow.REVIEW));
        UiFixture.until(10, () -> window.review().rows().size() == 6 && legend(robot).contains("3 topic 3"));
        assertEquals("Default", wb.currentProject().name());
    }

    @Test
    void importWithUnknownTopicsAsksToAddMapOrCancel(FxRobot robot) throws Exception {
        robot.interact(() -> window.main().show(WorkbenchWindow.DATA));
        UiFixture.until(10, () -> window.data().batches().size() == 1);
        Path second = UiFixture.write(dir, "day-2.csv", HEAD + "x1,Late again,1,2\nx2,Speaker hums,1,7\n"
                + "x3,Speaker loud,1,7\nx4,Bad app,1,9\n");

        // cancel: nothing is stored
        openAndImport(robot, second);
        DialogPane dialog = dialog(robot);
        assertTrue(UiFixture.fx(() -> dialog.getHeaderText()).contains("2 topic(s)"));
        robot.clickOn(button(dialog, "Cancel"));
        UiFixture.until(10, () -> window.data().messageProperty().get().contains("Import cancelled"));
        assertEquals(1, wb.store().batches().count());
        assertEquals(List.of("1", "2", "3"), keys());

        // map 7 onto topic 1, add 9
        openAndImport(robot, second);
        DialogPane again = dialog(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> seven = UiFixture.fx(() -> (ComboBox<String>) again.lookup("#topic-choice-7"));
        robot.interact(() -> seven.getSelectionModel().select("Map onto topic 1"));
        robot.clickOn(button(again, "Import"));
        UiFixture.until(20, () -> window.data().batches().size() == 2);
        assertEquals(List.of("1", "2", "3", "9"), keys());
        long onTopic1 = wb.store().labels().topics().stream().filter(t -> t.topic().equals("1")).findFirst()
                .orElseThrow().count();
        assertEquals(3, onTopic1, "the quote of day 1 and the two mapped from 7");
    }

    private void openAndImport(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> window.data().openFile(file));
        UiFixture.until(10, () -> window.data().previewProperty().get() != null);
        robot.clickOn(UiFixture.find(robot, "#import-run", Node.class));
        UiFixture.until(15, () -> robot.lookup("#topic-import-dialog").tryQuery().isPresent());
    }

    private static DialogPane dialog(FxRobot robot) throws Exception {
        return UiFixture.find(robot, "#topic-import-dialog", DialogPane.class);
    }

    private static Node button(DialogPane pane, String text) throws Exception {
        return UiFixture.fx(() -> pane.lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && b.getText().equals(text)).findFirst().orElseThrow());
    }

    private List<String> keys() {
        return wb.schema().schema().topics().stream().map(t -> t.key()).toList();
    }

    /** The legend as "KEY meaning" entries, in order. */
    private static List<String> legend(FxRobot robot) throws Exception {
        return UiFixture.fx(() -> robot.lookup("#review-legend").queryParent().getChildrenUnmodifiable().stream()
                .map(n -> ((Label) ((HBox) n).getChildren().get(0)).getText() + " "
                        + ((Label) ((HBox) n).getChildren().get(1)).getText()).toList());
    }
}

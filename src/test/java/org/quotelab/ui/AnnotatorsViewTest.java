package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelledBy;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Assigning batches in the Data view, Review's filters by annotator, and changing the annotator, on a real store. */
@ExtendWith(ApplicationExtension.class)
class AnnotatorsViewTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;
    private long dayA;
    private long dayB;
    private List<Long> ids;

    @Start
    void start(Stage stage) throws Exception {
        wb = UiFixture.workbench(dir);
        dayA = wb.imports().importFile(UiFixture.write(dir, "day-a.csv", UiFixture.HEADER
                + "\na1,Battery died,,,g\na2,Screen cracked,,,g\na3,Fine,,,g\n"), ImportOptions.defaults())
                .batches().get(0).id();
        dayB = wb.imports().importFile(UiFixture.write(dir, "day-b.csv", UiFixture.HEADER
                + "\nb1,Charger broke,,,g\nb2,Nice colour,,,g\n"), ImportOptions.defaults()).batches().get(0).id();
        ids = wb.store().quotes().page(null, 0, 10).items().stream().map(q -> q.id()).toList();
        window = UiFixture.show(stage, wb, WorkbenchWindow.DATA);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    @Test
    void batchesAreAssignedFromTheirRowMenuAndShownInTheirColumn(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.data().batches().size() == 2);
        openMenu(robot, 0);
        robot.clickOn("Assign to...");
        UiFixture.until(5, () -> robot.lookup("#assign-names").tryQuery().isPresent());
        robot.clickOn("#assign-names").write("bob, tester").type(KeyCode.ENTER);
        UiFixture.until(10, () -> "bob, tester".equals(window.data().assignments().text(dayA)));
        assertEquals(List.of("bob", "tester"), wb.store().assignments().assignees(dayA));

        openMenu(robot, 1);
        robot.clickOn("Assign to me");
        UiFixture.until(10, () -> "tester".equals(window.data().assignments().text(dayB)));
        assertEquals(List.of(dayA, dayB), wb.store().assignments().batchesOf("tester"));

        openMenu(robot, 0);
        robot.clickOn("Assign to nobody");
        UiFixture.until(10, () -> window.data().assignments().text(dayA).isEmpty());
        assertTrue(wb.store().assignments().assignees(dayA).isEmpty());
    }

    @Test
    void reviewFiltersByWhoLabelledAndByMyBatchesAndSavesTheChoice(FxRobot robot) throws Exception {
        wb.review().label(ids.get(0), QuoteLabel.outOfTopic(), LabelSource.EXPERT,
                wb.store().labels().state(ids.get(0)).version());
        wb.store().labels().set(ids.get(3), QuoteLabel.outOfTopic(), LabelSource.EXPERT, "bob");
        wb.store().assignments().assign(dayB, List.of("tester"), "lead");
        robot.interact(() -> window.main().show(WorkbenchWindow.REVIEW));
        UiFixture.until(10, () -> window.review().rows().size() == 5);

        @SuppressWarnings("unchecked")
        ComboBox<LabelledBy> by = UiFixture.find(robot, "#filter-labelled-by", ComboBox.class);
        assertEquals("Labelled by me (tester)", UiFixture.fx(() -> by.getConverter().toString(LabelledBy.ME)));
        robot.interact(() -> by.setValue(LabelledBy.ME));
        UiFixture.until(10, () -> shown().equals(List.of(ids.get(0))));
        robot.interact(() -> by.setValue(LabelledBy.OTHERS));
        UiFixture.until(10, () -> shown().equals(List.of(ids.get(3))));
        robot.interact(() -> by.setValue(LabelledBy.NOBODY));
        UiFixture.until(10, () -> shown().equals(List.of(ids.get(1), ids.get(2), ids.get(4))));

        CheckBox mine = UiFixture.find(robot, "#filter-my-batches", CheckBox.class);
        assertEquals("My batches (1)", UiFixture.fx(mine::getText));
        robot.clickOn(mine);
        UiFixture.until(10, () -> shown().equals(List.of(ids.get(4))));
        UiFixture.until(10, () -> wb.preferences().reviewFilters().myBatches()
                && wb.preferences().reviewFilters().labelledBy() == LabelledBy.NOBODY);

        @SuppressWarnings("unchecked")
        ComboBox<Batch> batch = UiFixture.find(robot, "#filter-batch", ComboBox.class);
        List<String> days = UiFixture.fx(() -> batch.getItems().stream().map(b -> batch.getConverter().toString(b)).toList());
        assertEquals(List.of("All batches", "day-a", "day-b  (mine)"), days);
    }

    @Test
    void theAnnotatorButtonChangesWhoLaterEditsAreRecordedAs(FxRobot robot) throws Exception {
        robot.clickOn("#annotator-change");
        UiFixture.until(5, () -> robot.lookup("#annotator-name").tryQuery().isPresent());
        robot.doubleClickOn("#annotator-name").eraseText(10).write("carol").type(KeyCode.ENTER);
        UiFixture.until(10, () -> "carol".equals(wb.author()));
        UiFixture.until(10, () -> robot.lookup("#annotator-change").queryButton().getText().equals("Annotator: carol"));
        wb.review().label(ids.get(1), QuoteLabel.outOfTopic(), LabelSource.EXPERT,
                wb.store().labels().state(ids.get(1)).version());
        assertEquals("carol", wb.store().labels().current(ids.get(1)).orElseThrow().updatedBy());
        // the views were rebuilt on the new name: Review's "me" is carol
        robot.interact(() -> window.main().show(WorkbenchWindow.REVIEW));
        UiFixture.until(10, () -> window.review().contextProperty().get() != null
                && "carol".equals(window.review().contextProperty().get().annotator()));
    }

    private List<Long> shown() {
        return window.review().rows().stream().map(r -> r.quote().id()).toList();
    }

    /**
     * Opens a batch row's menu as a right click does. The headless test platform sends no
     * context-menu request for a right click, so the test sends the one the platform would.
     */
    private static void openMenu(FxRobot robot, int index) throws Exception {
        TableRow<?> row = row(robot, index);
        robot.clickOn(row);
        robot.interact(() -> {
            javafx.geometry.Bounds b = row.localToScreen(row.getBoundsInLocal());
            row.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    b.getWidth() / 2, b.getHeight() / 2, b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2,
                    false, null));
        });
        UiFixture.until(5, () -> row.getContextMenu() != null && row.getContextMenu().isShowing());
    }

    private static TableRow<?> row(FxRobot robot, int index) throws Exception {
        TableView<?> table = UiFixture.find(robot, "#batch-table", TableView.class);
        return UiFixture.fx(() -> table.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index && !r.isEmpty()).findFirst().orElseThrow());
    }
}

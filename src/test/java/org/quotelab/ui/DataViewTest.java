package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.quote.BatchSummary;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.QuoteField;
import org.quotelab.service.Workbench;
import org.quotelab.ui.data.MappingRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Data view's import flow against a real store: a good file lands in the batch list, a bad one is explained. */
@ExtendWith(ApplicationExtension.class)
class DataViewTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        wb = UiFixture.workbench(dir);
        window = UiFixture.show(stage, wb, WorkbenchWindow.DATA);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    @Test
    void importsAFileThroughTheWizardAndListsItsBatch(FxRobot robot) throws Exception {
        Path file = UiFixture.write(dir, "monday.csv", "id,quote_text,label,topic,remark\n"
                + "a1,\"Battery died after two days\",1,battery,x\n"
                + "a2,Screen is great,1,screen,y\n"
                + "a3,Arrived in a box,0,,z\n");
        robot.interact(() -> window.data().openFile(file));
        UiFixture.until(10, () -> window.data().previewProperty().get() != null);

        TableView<?> preview = UiFixture.find(robot, "#import-preview", TableView.class);
        assertEquals(3, UiFixture.fx(() -> preview.getItems().size()));
        List<MappingRow> mapping = UiFixture.fx(() -> List.copyOf(window.data().mapping()));
        assertEquals(QuoteField.TEXT, mapping.get(1).fieldProperty().get(), "quote_text is recognised");
        assertEquals(null, mapping.get(0).fieldProperty().get(), "'id' is not a known column");
        assertEquals(null, mapping.get(4).fieldProperty().get());
        // the user maps the two unknown columns, as they would with the combo boxes
        robot.interact(() -> {
            mapping.get(0).fieldProperty().set(QuoteField.EXTERNAL_ID);
            mapping.get(4).fieldProperty().set(QuoteField.IGNORED);
        });
        robot.doubleClickOn("#import-day").write("day-monday");
        robot.clickOn(UiFixture.find(robot, "#import-run", javafx.scene.Node.class));
        UiFixture.until(20, () -> !window.data().batches().isEmpty() && !window.data().busyProperty().get());

        BatchSummary b = UiFixture.fx(() -> window.data().batches().get(0));
        assertEquals("day-monday", b.batch().day());
        assertEquals(3, b.batch().rowCount());
        assertEquals(3, b.labelled());
        TableView<?> batches = UiFixture.find(robot, "#batch-table", TableView.class);
        assertEquals(1, UiFixture.fx(() -> batches.getItems().size()));
        assertEquals(3, wb.store().quotes().count());
    }

    @Test
    void aMalformedFileShowsLineAndColumnAndChangesNothing(FxRobot robot) throws Exception {
        Path good = UiFixture.write(dir, "good.csv", UiFixture.HEADER + "\nq1,Fine quote,1,battery,g\n");
        robot.interact(() -> window.data().openFile(good));
        UiFixture.until(10, () -> window.data().previewProperty().get() != null);
        robot.clickOn(UiFixture.find(robot, "#import-run", javafx.scene.Node.class));
        UiFixture.until(20, () -> window.data().batches().size() == 1 && !window.data().busyProperty().get());

        Path bad = UiFixture.write(dir, "bad.csv", UiFixture.HEADER + "\nq2,Fine,1,screen,g\nq3,Broken label,7,screen,g\n");
        robot.interact(() -> window.data().openFile(bad));
        UiFixture.until(10, () -> window.data().previewProperty().get() != null
                && window.data().previewProperty().get().file().equals(bad));
        robot.clickOn(UiFixture.find(robot, "#import-run", javafx.scene.Node.class));
        UiFixture.until(20, () -> !window.data().errors().isEmpty());

        ImportError e = UiFixture.fx(() -> window.data().errors().get(0));
        assertEquals("bad.csv", e.file());
        assertEquals(3, e.line());
        assertTrue(e.column() != null && e.column().contains("label"), e.toString());
        TableView<?> errors = UiFixture.find(robot, "#import-errors", TableView.class);
        assertTrue(UiFixture.fx(() -> errors.getParent().isVisible()));
        UiFixture.until(5, () -> !window.data().busyProperty().get());
        assertEquals(1, UiFixture.fx(() -> window.data().batches().size()), "batch list unchanged");
        assertEquals(1, wb.store().batches().count());
        assertEquals(1, wb.store().quotes().count());

        // the panel goes away when dismissed
        robot.clickOn(UiFixture.find(robot, "#import-errors-dismiss", javafx.scene.Node.class));
        UiFixture.until(5, () -> window.data().errors().isEmpty());
        assertTrue(!UiFixture.fx(() -> errors.getParent().isVisible()));
    }
}

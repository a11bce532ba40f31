package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A seed file's quote_text is what people read in Review; processed_text is shown beneath it. */
@ExtendWith(ApplicationExtension.class)
class ReviewOriginalTextTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        wb = UiFixture.workbench(dir);
        wb.store().importer().importFile(UiFixture.write(dir, "seed.csv",
                "quote_id,quote_text,processed_text,label,topic_id\n"
                        + "s1,\"The Battery died, sadly!\",the battery died sadly,1,602.0\n"
                        + "s2,Plain text,Plain text,0,0.0\n"), ImportOptions.defaults());
        window = UiFixture.show(stage, wb, WorkbenchWindow.REVIEW);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOriginalLeadsAndTheProcessedFormFollows(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 2);
        TableView<Object> table = UiFixture.find(robot, "#review-table", TableView.class);
        TableColumn<Object, ?> quote = UiFixture.fx(() -> table.getColumns().stream()
                .filter(c -> c.getText().equals("Quote")).findFirst().orElseThrow());
        assertEquals("The Battery died, sadly!", UiFixture.fx(() -> quote.getCellData(0)));

        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        Label text = UiFixture.find(robot, "#detail-quote", Label.class);
        Label processed = UiFixture.find(robot, "#detail-processed", Label.class);
        UiFixture.until(10, () -> UiFixture.fx(text::getText).equals("The Battery died, sadly!"));
        assertTrue(UiFixture.fx(processed::isVisible));
        assertTrue(UiFixture.fx(processed::getText).endsWith("the battery died sadly"));

        // one text column (or an identical processed form): nothing secondary to show
        robot.interact(() -> table.getSelectionModel().clearAndSelect(1));
        UiFixture.until(10, () -> UiFixture.fx(text::getText).equals("Plain text"));
        assertFalse(UiFixture.fx(processed::isVisible));
    }
}

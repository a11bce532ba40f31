package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.Workbench;
import org.quotelab.ui.review.ReviewViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Review over 100,000 quotes: one page at first, more as the user scrolls, never all of them. */
@ExtendWith(ApplicationExtension.class)
class LargeStoreTest {
    static final int ROWS = 100_000;

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
    void reviewPagesThroughA100kStoreAsTheUserScrolls(FxRobot robot) throws Exception {
        wb.store().importer().importFile(UiFixture.bulk(dir.resolve("big.csv"), ROWS, "b"),
                org.quotelab.domain.imports.ImportOptions.defaults());
        robot.clickOn(UiFixture.find(robot, "#nav-review", javafx.scene.Node.class));
        UiFixture.until(20, () -> window.review().rows().size() >= ReviewViewModel.PAGE_SIZE
                && window.review().totalProperty().get() == ROWS);
        assertEquals(ReviewViewModel.PAGE_SIZE, UiFixture.fx(() -> window.review().rows().size()), "one page to start");

        @SuppressWarnings("unchecked")
        TableView<QuoteRow> table = UiFixture.find(robot, "#review-table", TableView.class);
        for (int pages = 2; pages <= 3; pages++) {
            robot.interact(() -> table.scrollTo(window.review().rows().size() - 1));
            int expected = pages * ReviewViewModel.PAGE_SIZE;
            UiFixture.until(10, () -> window.review().rows().size() >= expected);
        }
        int loaded = UiFixture.fx(() -> window.review().rows().size());
        assertTrue(loaded <= 4 * ReviewViewModel.PAGE_SIZE, "pages arrive as the user scrolls, not all at once: " + loaded);
        long ids = UiFixture.fx(() -> window.review().rows().stream().mapToLong(r -> r.quote().id()).distinct().count());
        assertEquals(loaded, ids, "no page loaded twice");
    }
}

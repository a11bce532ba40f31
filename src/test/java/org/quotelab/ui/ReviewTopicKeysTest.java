package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** With more than nine topics, keys A and B label the tenth and eleventh (schema order); the legend shows both. */
@ExtendWith(ApplicationExtension.class)
class ReviewTopicKeysTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        wb = UiFixture.workbench(dir);
        StringBuilder csv = new StringBuilder(UiFixture.HEADER + "\n");
        for (int t = 1; t <= 11; t++) {
            csv.append("q").append(t).append(",Quote about subject ").append(t).append(",1,subject-").append(t)
                    .append(",g\n");
        }
        for (int i = 0; i < 3; i++) {
            csv.append("u").append(i).append(",Unlabelled quote ").append(i).append(",,,g\n");
        }
        wb.store().importer().importFile(UiFixture.write(dir, "day-1.csv", csv.toString()), ImportOptions.defaults());
        window = UiFixture.show(stage, wb, WorkbenchWindow.REVIEW);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    @Test
    @SuppressWarnings("unchecked")
    void lettersReachTopicsTenAndEleven(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 14 && window.review().topics().size() == 11);
        List<String> caps = UiFixture.fx(() -> robot.lookup("#review-legend").queryParent().getChildrenUnmodifiable()
                .stream().map(n -> ((Label) ((javafx.scene.layout.HBox) n).getChildren().get(0)).getText()).toList());
        assertTrue(caps.containsAll(List.of("9", "A", "B")), caps.toString());
        String tenth = UiFixture.fx(() -> window.review().topics().get(9).topic());
        String eleventh = UiFixture.fx(() -> window.review().topics().get(10).topic());

        TableView<QuoteRow> table = UiFixture.find(robot, "#review-table", TableView.class);
        int row = UiFixture.fx(() -> {
            for (int i = 0; i < window.review().rows().size(); i++) {
                if (window.review().rows().get(i).label() == null) {
                    return i;
                }
            }
            return -1;
        });
        long id = UiFixture.fx(() -> window.review().rows().get(row).quote().id());
        long next = UiFixture.fx(() -> window.review().rows().get(row + 1).quote().id());
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(row);
            table.requestFocus();
        });
        // natural order: subject-10 is the tenth topic, not the second
        assertEquals("subject-10", tenth);
        robot.type(KeyCode.A);
        UiFixture.until(10, () -> wb.store().labels().current(id).isPresent());
        assertEquals(tenth, wb.store().labels().current(id).orElseThrow().label().topic());
        robot.type(KeyCode.B);
        UiFixture.until(10, () -> wb.store().labels().current(next).isPresent());
        assertEquals(eleventh, wb.store().labels().current(next).orElseThrow().label().topic());
    }
}

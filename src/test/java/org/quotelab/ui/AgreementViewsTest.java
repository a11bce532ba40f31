package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two annotators labelled the same quotes and differ on two: Monitoring's agreement panel shows
 * alpha and the pair's kappa, and its link (like Review's "Annotators disagree" queue) lists
 * exactly those two quotes in Review. Real H2 store, no model.
 */
@ExtendWith(ApplicationExtension.class)
class AgreementViewsTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;
    private List<Quote> quotes;

    @Start
    void start(Stage stage) throws Exception {
        wb = UiFixture.workbench(dir);
        StringBuilder csv = new StringBuilder(UiFixture.HEADER + "\n");
        for (int i = 0; i < 8; i++) {
            csv.append("q").append(i).append(",Quote number ").append(i).append(",,,g\n");
        }
        wb.store().importer().importFile(UiFixture.write(dir, "day-1.csv", csv.toString()), ImportOptions.defaults());
        quotes = wb.store().quotes().page(null, 0, 100).items();
        for (int i = 0; i < 8; i++) {
            QuoteLabel ann = i % 2 == 0 ? QuoteLabel.outOfTopic() : QuoteLabel.inTopic("battery");
            QuoteLabel bob = i == 2 ? QuoteLabel.inTopic("screen") : i == 5 ? QuoteLabel.outOfTopic() : ann;
            wb.store().labels().set(quotes.get(i).id(), ann, LabelSource.EXPERT, "ann");
            wb.store().labels().set(quotes.get(i).id(), bob, LabelSource.EXPERT, "bob");
        }
        window = UiFixture.show(stage, wb, WorkbenchWindow.MONITORING);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    private List<Long> reviewIds() throws Exception {
        return UiFixture.fx(() -> window.review().rows().stream().map(r -> r.quote().id()).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePanelShowsAlphaAndKappaAndItsLinkOpensTheAnnotatorsQueueInReview(FxRobot robot) throws Exception {
        List<Long> disagreeing = List.of(quotes.get(2).id(), quotes.get(5).id());
        Label alpha = UiFixture.find(robot, "#agreement-alpha", Label.class);
        UiFixture.until(20, () -> alpha.getText().startsWith("Krippendorff's alpha 0."));
        Label detail = UiFixture.find(robot, "#agreement-alpha-detail", Label.class);
        assertEquals("n = 8 quotes, 16 labels; fewer than 30 quotes: too few to rely on", UiFixture.fx(detail::getText));
        ListView<String> pairs = UiFixture.find(robot, "#agreement-pairs", ListView.class);
        assertEquals(1, UiFixture.fx(() -> pairs.getItems().size()));
        assertTrue(UiFixture.fx(() -> pairs.getItems().get(0)).matches("ann / bob: 0\\.\\d{3} \\[.*\\], n = 8\\*"));
        ListView<String> lowest = UiFixture.find(robot, "#agreement-lowest", ListView.class);
        assertTrue(UiFixture.fx(() -> lowest.getItems().get(0)).startsWith("day-1: 0."));
        Hyperlink link = UiFixture.find(robot, "#agreement-open-queue", Hyperlink.class);
        assertEquals("2 quotes where annotators disagree", UiFixture.fx(link::getText));

        robot.interact(link::fire);
        UiFixture.until(20, () -> window.review().rows().size() == 2);
        assertEquals(disagreeing, reviewIds());
        CheckBox queue = UiFixture.find(robot, "#filter-annotators-disagree", CheckBox.class);
        assertTrue(UiFixture.fx(queue::isSelected));
        UiFixture.until(10, () -> queue.getText().equals("Annotators disagree (2)"));

        // switching the queue off shows every quote again; on again, the two
        robot.interact(() -> queue.setSelected(false));
        UiFixture.until(20, () -> window.review().rows().size() == 8);
        robot.interact(() -> queue.setSelected(true));
        UiFixture.until(20, () -> window.review().rows().size() == 2);
        assertEquals(disagreeing, reviewIds());
    }
}

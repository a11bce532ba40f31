package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Labelling from the keyboard in Review, stored at once and undone with Ctrl+Z; filters change the rows. */
@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;
    private List<Quote> quotes;

    @Start
    void start(Stage stage) throws Exception {
        wb = UiFixture.workbench(dir);
        StringBuilder csv = new StringBuilder(UiFixture.HEADER + "\n");
        for (int i = 0; i < 10; i++) {
            // the first five unlabelled, the rest labelled battery/screen
            String label = i < 5 ? "," : i % 2 == 0 ? "1,battery" : "1,screen";
            csv.append("q").append(i).append(",Quote number ").append(i).append(',').append(label).append(",g\n");
        }
        wb.store().importer().importFile(UiFixture.write(dir, "day-1.csv", csv.toString()), ImportOptions.defaults());
        quotes = wb.store().quotes().page(null, 0, 100).items();
        var s1 = wb.store().models().create(1, null, "models/s1", "{}", "{}");
        wb.store().models().activate(s1.id(), "test");
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // q8 and q9 stay "not scored"
            double p = 0.05 + 0.1 * i;
            boolean in = p >= 0.5;
            predictions.add(new Prediction(quotes.get(i).id(), s1.id(), null, p,
                    in ? Map.of("screen", 0.9, "battery", 0.1) : Map.of(), in ? 1 : 0, in ? "screen" : null, in ? 0.9 : 1 - p)
                    // q2 and q5 unfamiliar, q7 from a stage 1 without feature statistics
                    .withUnfamiliar(i == 7 ? null : i == 2 ? 40.0 : i == 5 ? 55.0 : 10.0 + i,
                            i == 7 ? null : i == 2 || i == 5));
        }
        wb.store().predictions().saveAll(predictions);

        window = UiFixture.show(stage, wb, WorkbenchWindow.REVIEW);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    @SuppressWarnings("unchecked")
    private TableView<QuoteRow> table(FxRobot robot) {
        try {
            return UiFixture.find(robot, "#review-table", TableView.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void select(FxRobot robot, int index) {
        TableView<QuoteRow> t = table(robot);
        robot.interact(() -> {
            t.getSelectionModel().clearAndSelect(index);
            t.requestFocus();
        });
    }

    @Test
    void labelsFromTheKeyboardStoresAtOnceAndUndoes(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 10);
        String legend = UiFixture.fx(() -> robot.lookup("#review-legend").queryParent().getChildrenUnmodifiable()
                .stream().map(n -> ((javafx.scene.layout.HBox) n).getChildren().get(1)).map(l -> ((Label) l).getText()).toList().toString());
        // topics in schema order: one file's new topics join it in natural order
        assertTrue(legend.startsWith("[battery, screen, out-of-topic"), legend);
        long q0 = quotes.get(0).id();

        select(robot, 0);
        robot.type(KeyCode.DIGIT1);
        UiFixture.until(10, () -> wb.store().labels().current(q0).isPresent());
        CurrentLabel stored = wb.store().labels().current(q0).orElseThrow();
        assertEquals("battery", stored.label().topic());
        assertEquals(LabelSource.EXPERT, stored.source());
        assertEquals("tester", stored.updatedBy());
        assertEquals(1, UiFixture.fx(() -> table(robot).getSelectionModel().getSelectedIndex()), "moved to the next row");
        assertEquals("battery", UiFixture.fx(() -> window.review().rows().get(0).label().label().topic()), "row updated");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        UiFixture.until(10, () -> wb.store().labels().current(q0).isEmpty());
        List<LabelChange> history = wb.store().labels().history(q0);
        assertEquals(2, history.size());
        assertEquals(history.get(0).id(), history.get(1).undoOf());
        assertNull(history.get(1).newLabel());
        UiFixture.until(5, () -> window.review().rows().get(0).label() == null);
        UiFixture.until(5, () -> UiFixture.fx(() -> table(robot).getSelectionModel().getSelectedIndex()) == 0);
        // the detail pane shows the two history rows of the selected quote
        UiFixture.until(5, () -> ((javafx.scene.control.ListView<?>) robot.lookup("#detail-history").query()).getItems().size() == 2);

        // Enter accepts the model: q6 is predicted "screen", q3 out-of-topic
        select(robot, 6);
        robot.type(KeyCode.ENTER);
        long q6 = quotes.get(6).id();
        UiFixture.until(10, () -> wb.store().labels().current(q6).map(l -> l.source() == LabelSource.MODEL_ACCEPTED).orElse(false));
        assertEquals("screen", wb.store().labels().current(q6).orElseThrow().label().topic());
        select(robot, 3);
        robot.type(KeyCode.DIGIT0);
        long q3 = quotes.get(3).id();
        UiFixture.until(10, () -> wb.store().labels().current(q3).isPresent());
        assertEquals(0, wb.store().labels().current(q3).orElseThrow().label().label());

        // a quote without a prediction says so and Enter stores nothing
        assertEquals(null, UiFixture.fx(() -> table(robot).getColumns().get(3).getCellData(8)));
        assertTrue(UiFixture.fx(() -> robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(n -> "not scored".equals(((javafx.scene.control.TableCell<?, ?>) n).getText()))));
        select(robot, 8);
        robot.type(KeyCode.ENTER);
        UiFixture.until(5, () -> window.review().messageProperty().get().contains("not scored"));
        assertEquals(LabelSource.IMPORTED, wb.store().labels().current(quotes.get(8).id()).orElseThrow().source());
    }

    @Test
    void probabilityBarsAreDrawnToScale(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 10);
        // q0..q7 hold p = 0.05, 0.15, ..., 0.75: each bar is p of the 60-pixel track
        UiFixture.until(10, () -> robot.lookup(".p-fill").queryAll().stream()
                .filter(javafx.scene.Node::isVisible).map(n -> ((javafx.scene.layout.Region) n).getWidth())
                .filter(w -> w > 0).count() == 8);
        java.util.List<Double> widths = UiFixture.fx(() -> robot.lookup(".p-fill").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getParent().getParent().getParent() != null
                        && ((javafx.scene.control.TableCell<?, ?>) n.getParent().getParent().getParent()).getItem() != null)
                .map(n -> ((javafx.scene.layout.Region) n).getWidth()).sorted().toList());
        assertEquals(8, widths.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(60 * (0.05 + 0.1 * i), widths.get(i), 1e-6);
        }
    }

    @Test
    void queuesShowTheirCountsAndTheBatchItsProgress(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 10);
        // 5 of the 10 quotes are labelled; q4 and q5 are uncertain; q6's label differs from its prediction
        UiFixture.until(10, () -> Long.valueOf(5).equals(UiFixture.fx(() -> window.review().queueCounts().get("unlabelled"))));
        assertEquals(2L, UiFixture.fx(() -> window.review().queueCounts().get("uncertain")));
        assertEquals(1L, UiFixture.fx(() -> window.review().queueCounts().get("disagreement")));
        // q6 is predicted "screen" at 0.9, above the mean P(screen) of the quotes labelled screen
        assertEquals(1L, UiFixture.fx(() -> window.review().queueCounts().get("suspects")));
        assertEquals("Label suspects (1)", UiFixture.fx(() -> UiFixture.find(robot, "#filter-suspects",
                javafx.scene.control.CheckBox.class).getText()));
        assertTrue(UiFixture.fx(() -> window.review().progressProperty().get()).endsWith("5 of 10 reviewed (50%)"),
                UiFixture.fx(() -> window.review().progressProperty().get()));
        assertEquals("Uncertain (2)", UiFixture.fx(() -> UiFixture.find(robot, "#filter-uncertain",
                javafx.scene.control.CheckBox.class).getText()));
        // labelling an unlabelled quote moves the progress and the queue at once
        long unlabelled = UiFixture.fx(() -> window.review().rows().stream().filter(r -> r.label() == null)
                .findFirst().orElseThrow().quote().id());
        int index = UiFixture.fx(() -> window.review().rows().stream().map(r -> r.quote().id()).toList().indexOf(unlabelled));
        select(robot, index);
        robot.type(KeyCode.DIGIT0);
        UiFixture.until(10, () -> Long.valueOf(4).equals(UiFixture.fx(() -> window.review().queueCounts().get("unlabelled"))));
        assertTrue(UiFixture.fx(() -> window.review().progressProperty().get()).endsWith("6 of 10 reviewed (60%)"));
    }

    @Test
    void filtersChangeTheRowsShown(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 10);
        robot.clickOn(UiFixture.find(robot, "#filter-unlabelled", javafx.scene.Node.class));
        UiFixture.until(10, () -> window.review().rows().size() == 5 && window.review().totalProperty().get() == 5);
        assertTrue(UiFixture.fx(() -> window.review().rows().stream().allMatch(r -> r.label() == null)));

        robot.clickOn(UiFixture.find(robot, "#filter-unlabelled", javafx.scene.Node.class));
        robot.interact(() -> window.review().setFilters(window.review().filtersProperty().get().withPredictedClass("screen")));
        UiFixture.until(10, () -> window.review().rows().size() == 3); // q5, q6, q7 predicted screen
        assertTrue(UiFixture.fx(() -> window.review().rows().stream().allMatch(r -> "screen".equals(r.prediction().predictedTopic()))));

        robot.interact(() -> window.review().setFilters(window.review().filtersProperty().get()
                .withPredictedClass(null).withDisagreement(true)));
        // labelled q5 battery, q7 battery? q5: screen label (odd), q6 battery vs screen, q7 screen: only q6 disagrees
        UiFixture.until(10, () -> window.review().rows().size() == 1);
        assertEquals(quotes.get(6).id(), UiFixture.fx(() -> window.review().rows().get(0).quote().id()));

        robot.interact(() -> window.review().setFilters(window.review().filtersProperty().get()
                .withDisagreement(false).withUncertain(true)));
        // p in [0.4, 0.6]: q4 (0.45) and q5 (0.55)
        UiFixture.until(10, () -> window.review().rows().size() == 2);
        assertEquals("uncertain=true", wb.preferences().reviewFilters().encode().split("\t")[1], "filters remembered");
    }

    @Test
    void unfamiliarQuotesHaveAColumnAndAQueueMostUnfamiliarFirst(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 10);
        TableView<QuoteRow> t = table(robot);
        var column = UiFixture.fx(() -> t.getColumns().stream().filter(c -> "Unfamiliar".equals(c.getText()))
                .findFirst().orElseThrow());
        assertEquals("10.0", UiFixture.fx(() -> column.getCellData(0)));
        assertEquals("\u26a0 40.0", UiFixture.fx(() -> column.getCellData(2)));
        assertEquals("unknown", UiFixture.fx(() -> column.getCellData(7)));
        assertEquals("", UiFixture.fx(() -> column.getCellData(8)), "not scored");

        robot.clickOn(UiFixture.find(robot, "#filter-unfamiliar", javafx.scene.Node.class));
        UiFixture.until(10, () -> window.review().rows().size() == 2 && window.review().totalProperty().get() == 2);
        assertEquals(List.of(quotes.get(5).id(), quotes.get(2).id()), UiFixture.fx(() -> window.review().rows().stream()
                .map(r -> r.quote().id()).toList()));
        assertTrue(wb.preferences().reviewFilters().unfamiliar(), "the queue is remembered with the filters");
    }
}

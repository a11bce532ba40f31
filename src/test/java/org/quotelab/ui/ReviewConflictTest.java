package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelWrite;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.AppHome;
import org.quotelab.service.Workbench;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.store.QuoteStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two annotators on one store: ann in the Review window, bob through a second workbench. A label
 * bob changed after ann's rows were read is a conflict that shows both values; ann keeps bob's or
 * overwrites it; bob's changes reach ann's open rows without a reload.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewConflictTest {
    @TempDir
    Path dir;
    private Workbench ann;
    private Workbench bob;
    private WorkbenchWindow window;
    private List<Quote> quotes;

    @Start
    void start(Stage stage) throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        ann = new Workbench(QuoteStore.open(home.database()), home.models(), new JobRunner(Workbench.JOB_THREADS), "ann");
        StringBuilder csv = new StringBuilder(UiFixture.HEADER + "\n");
        for (int i = 0; i < 6; i++) {
            // the first three unlabelled; the others define the topics battery and screen
            csv.append("q").append(i).append(",Quote number ").append(i).append(',')
                    .append(i < 3 ? "," : i % 2 == 0 ? "1,battery" : "1,screen").append(",g\n");
        }
        ann.store().importer().importFile(UiFixture.write(dir, "day-1.csv", csv.toString()), ImportOptions.defaults());
        quotes = ann.store().quotes().page(null, 0, 100).items();
        // a second workbench on the same store file, as a second instance of the app would be
        bob = new Workbench(QuoteStore.open(home.database()), home.models(), new JobRunner(Workbench.JOB_THREADS), "bob");
        window = UiFixture.show(stage, ann, WorkbenchWindow.REVIEW);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(ann);
        bob.close();
    }

    @SuppressWarnings("unchecked")
    private void select(FxRobot robot, int index) throws Exception {
        TableView<QuoteRow> t = UiFixture.find(robot, "#review-table", TableView.class);
        robot.interact(() -> {
            t.getSelectionModel().clearAndSelect(index);
            t.requestFocus();
        });
    }

    private String text(FxRobot robot, String id) throws Exception {
        return UiFixture.fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private boolean dialogShown(FxRobot robot) throws Exception {
        return UiFixture.fx(() -> robot.lookup("#conflict-mine").tryQuery().isPresent());
    }

    @Test
    void aConflictShowsBothValuesAndTheUserChooses(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 6);
        robot.interact(() -> window.review().stopWatching()); // ann's rows stay as read
        long q0 = quotes.get(0).id();
        long q1 = quotes.get(1).id();
        assertInstanceOf(LabelWrite.Saved.class, bob.review().label(q0, QuoteLabel.inTopic("screen"), LabelSource.EXPERT, 0));
        assertInstanceOf(LabelWrite.Saved.class, bob.review().label(q1, QuoteLabel.inTopic("screen"), LabelSource.EXPERT, 0));

        // ann labels q0 battery from the row she read: a conflict, nothing overwritten
        select(robot, 0);
        robot.type(KeyCode.DIGIT1);
        UiFixture.until(10, () -> dialogShown(robot));
        assertTrue(text(robot, "#conflict-mine").startsWith("battery"), text(robot, "#conflict-mine"));
        assertTrue(text(robot, "#conflict-theirs").startsWith("screen  (bob"), text(robot, "#conflict-theirs"));
        assertEquals("screen", ann.store().labels().current(q0).orElseThrow().label().topic());
        UiFixture.until(5, () -> "bob".equals(window.review().rows().get(0).label().updatedBy()));

        // M: overwrite with mine, a new write against bob's version
        robot.type(KeyCode.M);
        UiFixture.until(10, () -> "battery".equals(ann.store().labels().current(q0).orElseThrow().label().topic()));
        assertEquals(2, ann.store().labels().state(q0).version());
        UiFixture.until(5, () -> "battery".equals(window.review().rows().get(0).label().label().topic())
                && window.review().rows().get(0).labelVersion() == 2);

        // q1: ann says out-of-topic, then keeps bob's label with T
        UiFixture.until(5, () -> !dialogShown(robot));
        select(robot, 1);
        robot.type(KeyCode.DIGIT0);
        UiFixture.until(10, () -> dialogShown(robot));
        robot.type(KeyCode.T);
        UiFixture.until(5, () -> !dialogShown(robot));
        assertEquals("screen", ann.store().labels().current(q1).orElseThrow().label().topic());
        assertEquals(1, ann.store().labels().history(q1).size(), "keeping theirs writes nothing");
        UiFixture.until(5, () -> "screen".equals(window.review().rows().get(1).label().label().topic()));
        assertTrue(UiFixture.fx(() -> robot.lookup("#review-message").queryAs(Label.class).getText()).contains("bob"));
    }

    @Test
    void othersChangesReachTheOpenRowsInPlace(FxRobot robot) throws Exception {
        UiFixture.until(10, () -> window.review().rows().size() == 6);
        select(robot, 4);
        QuoteRow before = UiFixture.fx(() -> window.review().rows().get(2));
        long q2 = quotes.get(2).id();
        bob.review().label(q2, QuoteLabel.outOfTopic(), LabelSource.EXPERT, 0);
        UiFixture.until(15, () -> window.review().rows().get(2).label() != null);
        QuoteRow after = UiFixture.fx(() -> window.review().rows().get(2));
        assertEquals("bob", after.label().updatedBy());
        assertEquals(1, after.labelVersion());
        assertEquals(before.quote(), after.quote(), "the same row, updated in place");
        assertEquals(6, UiFixture.fx(() -> window.review().rows().size()));
        assertEquals(4, UiFixture.fx(() -> UiFixture.find(robot, "#review-table", TableView.class)
                .getSelectionModel().getSelectedIndex()), "the selection stays");
    }
}

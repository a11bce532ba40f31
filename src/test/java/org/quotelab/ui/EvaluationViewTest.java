package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.evaluation.ClassRow;
import org.quotelab.service.evaluation.Evaluation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Evaluate the active cascade, read its matrix, open one cell in Review; compare two versions. Real store, tiny cascade. */
@ExtendWith(ApplicationExtension.class)
class EvaluationViewTest {
    private static final int QUOTES = 60;
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;
    private CascadeVersions.Active older;

    @Start
    void start(Stage stage) throws Exception {
        wb = TinyCascade.workbench(dir);
        older = TinyCascade.prepare(wb, dir, QUOTES);
        new CascadeVersions(wb.store(), wb.predictions().models()).register(TinyCascade.folder(), true); // a second, active version
        window = UiFixture.show(stage, wb, WorkbenchWindow.EVALUATION);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    @Test
    void matrixCountsAddUpAndACellOpensExactlyItsQuotesInReview(FxRobot robot) throws Exception {
        var vm = window.evaluation();
        UiFixture.until(20, () -> vm.versionAProperty().get() != null);
        robot.clickOn("#eval-run");
        UiFixture.until(90, () -> vm.resultAProperty().get() != null);
        // held-out by default; a cascade registered from a folder has no record of what it saw, so
        // only the store's validation part counts as held out
        long labelled = wb.store().quotes().count(QuoteFilter.all().withLabelled(true).withValidation(true));
        Evaluation e = vm.resultAProperty().get();
        assertTrue(e.scopeLabel().startsWith("held-out"), e.scopeLabel());
        assertTrue(vm.messageProperty().get().contains(e.scopeLabel()), vm.messageProperty().get());
        int classes = e.matrix().size();
        long shown = 0;
        int[] cell = null;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                long n = Long.parseLong(UiFixture.fx(robot.lookup("#cm-a-" + t + "-" + p).queryAs(Label.class)::getText));
                shown += n;
                if (n > 0 && (cell == null || t != p)) {
                    cell = new int[] {t, p}; // prefer a mistake: its quotes differ from the whole class
                }
            }
        }
        assertEquals(labelled, shown);
        List<ClassRow> rows = UiFixture.fx(() -> List.copyOf(vm.rowsA()));
        assertEquals(labelled, rows.stream().filter(r -> r.scope().equals(ClassRow.END_TO_END))
                .mapToLong(ClassRow::support).sum());
        assertEquals(CascadeDecision.OUT_OF_TOPIC, rows.get(0).label());

        int t = cell[0];
        int p = cell[1];
        long expected = e.matrix().count(t, p);
        // the user had Review on one batch; the cell comes from all of them, and the filter must say so
        long firstBatch = wb.store().batches().list().get(0).id();
        robot.interact(() -> window.review().setFilters(org.quotelab.service.ReviewFilters.NONE.withBatch(firstBatch)));
        robot.clickOn("#cm-a-" + t + "-" + p);
        UiFixture.until(30, () -> WorkbenchWindow.REVIEW.equals(window.main().currentProperty().get())
                && window.review().totalProperty().get() == expected && window.review().rows().size() == expected);
        QuoteRow row = UiFixture.fx(() -> window.review().rows().get(0));
        assertTrue(e.cell(t, p).contains(row.quote().id()));
        String truth = row.label().label().inTopic() ? row.label().label().topic() : CascadeDecision.OUT_OF_TOPIC;
        assertEquals(e.matrix().labels().get(t), truth);
        var decided = e.at().decide(row.prediction().pInTopic(), stage2(row, e.figures().endToEnd().matrix()
                .labels()));
        assertEquals(p, decided.finalClass());
        assertEquals(null, UiFixture.fx(() -> robot.lookup("#filter-batch").queryAs(javafx.scene.control.ComboBox.class)
                .getValue()), "the batch filter shows all batches while the cell's quotes are shown");
        String banner = UiFixture.fx(robot.lookup("#review-focus").queryAs(Label.class)::getText);
        assertTrue(banner.contains("(" + expected + " quotes)"), banner);
        robot.clickOn("#review-focus-clear");
        UiFixture.until(30, () -> window.review().totalProperty().get() == wb.store().quotes().count(QuoteFilter.all()));
    }

    @Test
    void twoVersionsSideBySideWithTheF1Change(FxRobot robot) throws Exception {
        var vm = window.evaluation();
        UiFixture.until(20, () -> vm.cascades().size() == 2);
        UiFixture.fx(() -> {
            vm.compareProperty().set(true);
            vm.versionBProperty().set(vm.cascades().stream()
                    .filter(c -> c.stage1().id() == older.stage1().id()).findFirst().orElseThrow());
            return null;
        });
        robot.clickOn("#eval-run");
        UiFixture.until(90, () -> vm.resultBProperty().get() != null);
        List<ClassRow> b = UiFixture.fx(() -> List.copyOf(vm.rowsB()));
        assertEquals(UiFixture.fx(() -> vm.rowsA().size()), b.size());
        // both versions were registered from the same folder: same predictions, no change in F1
        assertTrue(b.stream().allMatch(r -> r.deltaF1() == 0.0), b.toString());
        assertTrue(robot.lookup("#cm-b-0-0").tryQuery().isPresent());
    }

    /** The stage-2 distribution in cascade order from a Review row's stored prediction. */
    private static double[] stage2(QuoteRow row, List<String> endToEndLabels) {
        double[] q = new double[endToEndLabels.size()];
        q[0] = row.prediction().topicProbabilities().getOrDefault("0", 0.0);
        for (int k = 1; k < q.length; k++) {
            q[k] = row.prediction().topicProbabilities().getOrDefault(endToEndLabels.get(k), 0.0);
        }
        return q;
    }
}

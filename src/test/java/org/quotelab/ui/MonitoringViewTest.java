package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.monitoring.MonitoringReport;
import org.quotelab.ui.monitoring.BatchRow;
import org.quotelab.ui.monitoring.DriftBadge;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Ctrl+7 opens Monitoring; a refresh can be cancelled; Refresh fills the timeline and drift charts with one point per batch and
 * the active version's row of the forgetting heat map; "Compute missing cells" fills the other
 * version's row. Real H2 store, tiny cascade, bundled sentence encoder.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringViewTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        wb = TinyCascade.workbench(dir);
        TinyCascade.prepare(wb, dir, 160);
        importDay(2, false);
        importDay(3, true);
        // the same cascade recorded once more, as a candidate: a second matrix row with no cells yet
        new CascadeVersions(wb.store()).register(TinyCascade.folder(), false);
        window = UiFixture.window(wb);
        stage.setScene(window.scene());
        stage.show();
    }

    /** 80 labelled quotes on the cascade's topics; a shifted day speaks informally about new things. */
    private void importDay(int day, boolean shifted) throws Exception {
        String[] usual = {"the battery died after %d days,1,battery", "the screen cracked after %d weeks,1,screen",
            "delivery took %d days,1,delivery", "my cousin has %d cats,0,"};
        String[] novel = {"ngl the aurabuds pro %d overheat when charging lol,1,battery",
            "tbh the nova x%d display flickers like crazy,1,screen", "the drone %d arrived by boat somehow,1,delivery",
            "honestly my hamster %d loves the box,0,"};
        StringBuilder csv = new StringBuilder("quote_id,quote_text,label,topic\n");
        for (int i = 0; i < 80; i++) {
            String[] pick = shifted ? novel : usual;
            csv.append("d").append(day).append('-').append(i).append(',')
                    .append(String.format(pick[i % 4], 1 + i)).append('\n');
        }
        Path file = dir.resolve(String.format("day-%02d.csv", day));
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        wb.store().importer().importFile(file, ImportOptions.defaults());
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    private static XYPlot plot(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ChartViewer.class).getChart().getXYPlot();
    }

    @Test
    void refreshShowsOnePointPerBatchAndTheHeatMapCells(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        UiFixture.until(10, () -> WorkbenchWindow.MONITORING.equals(window.main().currentProperty().get()));
        List<Batch> batches = wb.store().batches().list();
        assertEquals(3, batches.size());

        // a refresh can be cancelled: nothing is shown and the view is free again
        robot.clickOn("#monitoring-refresh");
        robot.clickOn("#monitoring-cancel");
        UiFixture.until(60, () -> !window.monitoring().busyProperty().get());
        assertEquals("Cancelled.", UiFixture.fx(() -> window.monitoring().messageProperty().get()));
        assertEquals(null, UiFixture.fx(() -> window.monitoring().reportProperty().get()));

        robot.clickOn("#monitoring-refresh");
        UiFixture.until(120, () -> window.monitoring().reportProperty().get() != null
                && !window.monitoring().busyProperty().get());
        MonitoringReport r = UiFixture.fx(() -> window.monitoring().reportProperty().get());

        XYPlot timeline = plot(robot, "#monitoring-timeline");
        assertEquals(3, timeline.getDataset().getSeriesCount());
        for (int s = 0; s < 3; s++) {
            assertEquals(3, timeline.getDataset().getItemCount(s), "one point per batch");
        }
        assertEquals(r.timeline().get(2).measured(), timeline.getDataset().getYValue(0, 2), 1e-12);
        XYPlot drift = plot(robot, "#monitoring-drift");
        assertEquals(3, drift.getDataset(0).getItemCount(0), "p-value slot per batch");
        // the lowest Holm-adjusted p-value of the batch's tests
        double lowest = r.drift().get(batches.get(2).id()).tests().stream()
                .mapToDouble(org.quotelab.domain.drift.DriftTest::adjustedP).min().orElseThrow();
        assertEquals(Math.max(1e-3, lowest), drift.getDataset(0).getYValue(0, 2), 1e-12);
        BatchRow third = UiFixture.fx(() -> window.monitoring().batches().get(2));
        assertEquals(r.drift().get(batches.get(2).id()).severity().label(), third.severity());
        assertTrue(third.effect().contains("n "), third.effect());
        assertEquals(1, drift.getRangeMarkers(0, org.jfree.chart.ui.Layer.FOREGROUND).size(), "alpha line");
        assertEquals(List.of(batches.get(0).id(), batches.get(1).id()), r.referenceBatchIds());

        // every batch has labelled validation quotes, so the active row is complete and the other is empty
        for (Batch b : batches) {
            assertTrue(wb.store().quotes().count(QuoteFilter.all().withBatch(b.id()).withValidation(true)
                    .withLabelled(true)) > 0, b.day());
        }
        XYPlot heat = plot(robot, "#monitoring-matrix");
        assertEquals(3, heat.getDataset().getItemCount(0), "the active version's cells");
        assertEquals(6, heat.getAnnotations().size(), "a value or a dash in each of 2 x 3 cells");
        var versions = r.matrix().versions();
        assertTrue(versions.get(0).active() && !versions.get(1).active());
        assertTrue(versions.get(1).stage2Id() > versions.get(0).stage2Id(), "each stage 1 with its own stage 2");

        robot.clickOn("#monitoring-fill");
        UiFixture.until(60, () -> !window.monitoring().busyProperty().get()
                && window.monitoring().matrixProperty().get().missing() == 0);
        assertEquals(6, plot(robot, "#monitoring-matrix").getDataset().getItemCount(0));

        // the batch outside the reference explains itself with its own quotes
        BatchRow last = UiFixture.fx(() -> window.monitoring().batches().get(2));
        UiFixture.fx(() -> {
            window.monitoring().selectedProperty().set(last);
            return null;
        });
        int shown = UiFixture.fx(() -> window.monitoring().explaining().size());
        assertTrue(shown > 0);
        assertEquals(batches.get(2).id(), UiFixture.fx(() -> window.monitoring().explaining().get(0).batchId()));

        // the Data view's badge column reads the stored figures
        UiFixture.until(10, () -> window.data().driftBadges().containsKey(batches.get(2).id()));
        String badge = UiFixture.fx(() -> window.data().driftBadges().get(batches.get(2).id()));
        assertEquals(DriftBadge.text(r.drift().get(batches.get(2).id()), r.alpha()), badge);
        assertFalse(UiFixture.fx(() -> window.data().driftBadges().containsKey(batches.get(0).id())));
    }
}

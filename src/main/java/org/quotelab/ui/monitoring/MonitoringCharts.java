package org.quotelab.ui.monitoring;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.service.monitoring.MonitoringReport;
import org.quotelab.service.monitoring.TimelinePoint;

/**
 * The accuracy timeline and the drift chart, one point per batch on a day axis. Series are
 * rebuilt from a finished report; nothing here computes more than a lookup.
 */
final class MonitoringCharts {
    static final Color BLUE = new Color(0x2b6cb0);
    static final Color GREY = new Color(0x667085);
    static final Color AMBER = new Color(0xb54708);
    static final Color RED = new Color(0xd0452b);

    private final XYSeries measured = new XYSeries("measured: this batch", false);
    private final XYSeries historical = new XYSeries("measured: all earlier batches", false);
    private final XYSeries estimated = new XYSeries("estimated: mean confidence (no labels needed)", false);
    private final XYSeries pValue = new XYSeries("lowest adjusted p-value (Holm)", false);
    private final XYSeries alerts = new XYSeries("alert", false);
    private final XYSeries labelJs = new XYSeries("label shift (JS)", false);
    private final XYSeries predictionJs = new XYSeries("prediction shift (JS)", false);
    private final XYPlot timelinePlot;
    private final XYPlot driftPlot;
    private final ChartViewer timeline;
    private final ChartViewer drift;

    MonitoringCharts() {
        XYSeriesCollection acc = new XYSeriesCollection();
        acc.addSeries(measured);
        acc.addSeries(historical);
        acc.addSeries(estimated);
        NumberAxis accAxis = new NumberAxis("accuracy");
        accAxis.setRange(0, 1.02);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, BLUE);
        r.setSeriesPaint(1, GREY);
        r.setSeriesPaint(2, AMBER);
        r.setSeriesStroke(2, dashed(1.5f));
        timelinePlot = new XYPlot(acc, new SymbolAxis("batch", new String[0]), accAxis, r);
        timeline = viewer("Accuracy per batch (estimated = label-free estimate)", timelinePlot);

        XYSeriesCollection p = new XYSeriesCollection();
        p.addSeries(pValue);
        p.addSeries(alerts);
        LogAxis pAxis = new LogAxis("adjusted p-value (log)");
        pAxis.setRange(1e-3, 1.2);
        // one tick per decade, written as plain numbers (0.001 ... 1) rather than powers of ten
        pAxis.setTickUnit(new NumberTickUnit(1.0));
        pAxis.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        XYLineAndShapeRenderer pr = new XYLineAndShapeRenderer(true, true);
        pr.setSeriesPaint(0, BLUE);
        pr.setSeriesLinesVisible(1, false);
        pr.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        pr.setSeriesPaint(1, RED);
        driftPlot = new XYPlot(p, new SymbolAxis("batch", new String[0]), pAxis, pr);
        XYSeriesCollection js = new XYSeriesCollection();
        js.addSeries(labelJs);
        js.addSeries(predictionJs);
        NumberAxis jsAxis = new NumberAxis("JS distance");
        jsAxis.setRange(0, 1);
        jsAxis.setTickUnit(new NumberTickUnit(0.1));
        driftPlot.setRangeAxis(1, jsAxis);
        driftPlot.setDataset(1, js);
        driftPlot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer jr = new XYLineAndShapeRenderer(true, true);
        jr.setSeriesPaint(0, AMBER);
        jr.setSeriesPaint(1, GREY);
        jr.setSeriesStroke(0, dashed(1f));
        jr.setSeriesStroke(1, dashed(1f));
        driftPlot.setRenderer(1, jr);
        drift = viewer("Drift against the reference batches", driftPlot);
    }

    private static ChartViewer viewer(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return new ChartViewer(titled(new JFreeChart(title, TITLE_FONT, plot, true)));
    }

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    static JFreeChart titled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);
    }

    void load(MonitoringReport r) {
        List<TimelinePoint> t = r.timeline();
        String[] days = t.stream().map(TimelinePoint::day).toArray(String[]::new);
        timelinePlot.setDomainAxis(new SymbolAxis("batch", days));
        driftPlot.setDomainAxis(new SymbolAxis("batch", days));
        for (XYSeries s : List.of(measured, historical, estimated, pValue, alerts, labelJs, predictionJs)) {
            s.clear();
        }
        for (int i = 0; i < t.size(); i++) {
            TimelinePoint p = t.get(i);
            measured.add(i, orNull(p.measured()));
            historical.add(i, orNull(p.historical()));
            estimated.add(i, orNull(p.estimated()));
            BatchDrift d = r.drift().get(p.batchId());
            // reference batches keep their slot empty, so every series has one entry per batch
            pValue.add(i, d == null ? null : Math.max(1e-3, lowestP(d)));
            labelJs.add(i, d == null ? null : d.labelJs());
            predictionJs.add(i, d == null ? null : d.predictionJs());
            if (d != null && d.alert()) {
                alerts.add(i, Math.max(1e-3, lowestP(d)));
            }
        }
        driftPlot.clearRangeMarkers();
        driftPlot.addRangeMarker(0, marker(r.alpha(), "significant below p = " + fmt(r.alpha())
                + " (alert if the effect is at least minor)"), Layer.FOREGROUND);
        driftPlot.addRangeMarker(1, marker(r.shiftAlert(), "shift alert from JS = " + fmt(r.shiftAlert())),
                Layer.FOREGROUND);
    }

    /** The batch's smallest adjusted p-value; the raw MMD p-value for figures stored before corrections. */
    private static double lowestP(BatchDrift d) {
        return d.tests().stream().mapToDouble(DriftTest::adjustedP).min().orElse(d.mmdPValue());
    }

    private static ValueMarker marker(double value, String label) {
        ValueMarker m = new ValueMarker(value, RED, dashed(1.2f));
        m.setLabel(label);
        m.setLabelPaint(RED);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    ChartViewer timeline() {
        return timeline;
    }

    ChartViewer drift() {
        return drift;
    }
}

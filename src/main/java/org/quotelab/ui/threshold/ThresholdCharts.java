package org.quotelab.ui.threshold;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.quotelab.domain.calibration.ReliabilityDiagram;
import org.quotelab.domain.cascade.SweepPoint;
import org.quotelab.domain.metrics.Interval;
import org.quotelab.domain.metrics.Wilson;

/**
 * The two pictures of the Threshold view. The curves are built once per load; moving the slider
 * only replaces the one-point "current" series, so a drag redraws without recomputing anything.
 */
final class ThresholdCharts {
    private final XYSeries curve = new XYSeries("stage 1", false);
    private final XYSeries curveLow = new XYSeries("95 % band", false);
    private final XYSeries curveHigh = new XYSeries("95 % band (upper)", false);
    private final XYSeries reliabilityLow = new XYSeries("95 % band", false);
    private final XYSeries reliabilityHigh = new XYSeries("95 % band (upper)", false);
    private final XYSeries current = new XYSeries("current threshold", false);
    private final XYSeries reliability = new XYSeries("calibrated stage 1", false);
    private final XYSeries diagonal = new XYSeries("perfect calibration", false);
    private final ChartViewer precisionRecall;
    private final ChartViewer calibration;

    ThresholdCharts() {
        XYSeriesCollection pr = new XYSeriesCollection();
        pr.addSeries(curve);
        pr.addSeries(current);
        pr.addSeries(curveLow);
        pr.addSeries(curveHigh);
        JFreeChart prChart = ChartFactory.createXYLineChart("Stage-1 precision-recall", "recall", "precision", pr,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = prChart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x2b6cb0));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShapesVisible(1, true);
        r.setSeriesPaint(1, new Color(0xd0452b));
        band(r, 2);
        plot.setRenderer(r);
        square(plot);
        precisionRecall = new ChartViewer(prChart);

        diagonal.add(0, 0);
        diagonal.add(1, 1);
        XYSeriesCollection rel = new XYSeriesCollection();
        rel.addSeries(reliability);
        rel.addSeries(diagonal);
        rel.addSeries(reliabilityLow);
        rel.addSeries(reliabilityHigh);
        JFreeChart relChart = ChartFactory.createXYLineChart("Reliability (stage 1)", "confidence", "accuracy", rel,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot rp = relChart.getXYPlot();
        XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(true, true);
        rr.setSeriesPaint(0, new Color(0x2b6cb0));
        rr.setSeriesPaint(1, Color.GRAY);
        rr.setSeriesShapesVisible(1, false);
        rr.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        band(rr, 2);
        rp.setRenderer(rr);
        square(rp);
        calibration = new ChartViewer(relChart);
    }

    /** Series {@code first} and the next are a band's two edges: thin, light, one legend entry. */
    private static void band(XYLineAndShapeRenderer r, int first) {
        for (int k = first; k <= first + 1; k++) {
            r.setSeriesPaint(k, new Color(0x2b6cb0, false).brighter().brighter());
            r.setSeriesShapesVisible(k, false);
            r.setSeriesLinesVisible(k, true);
            r.setSeriesStroke(k, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {2f, 3f}, 0f));
        }
        r.setSeriesVisibleInLegend(first + 1, false);
    }

    private static void square(XYPlot plot) {
        plot.getDomainAxis().setRange(0, 1.02);
        plot.getRangeAxis().setRange(0, 1.02);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
    }

    /**
     * Rebuilds the curves of a new load; every tenth grid point is plenty for a curve. The bands
     * are the Wilson 95 % intervals of precision (over the quotes passed) and of each bin's
     * accuracy (over the quotes in the bin): where few quotes back a point, the band is wide.
     */
    void load(List<SweepPoint> sweep, ReliabilityDiagram diagram) {
        for (XYSeries s : List.of(curve, curveLow, curveHigh, reliability, reliabilityLow, reliabilityHigh)) {
            s.clear();
        }
        for (int i = 0; i < sweep.size(); i += 10) {
            SweepPoint p = sweep.get(i);
            if (p.passed() > 0) {
                curve.add(p.stage1Recall(), p.stage1Precision(), false);
                Interval ci = Wilson.ofRatio(p.stage1Precision(), p.passed());
                curveLow.add(p.stage1Recall(), ci.lo(), false);
                curveHigh.add(p.stage1Recall(), ci.hi(), false);
            }
        }
        for (ReliabilityDiagram.Bin b : diagram.bins()) {
            if (b.count() > 0) {
                reliability.add(b.meanConfidence(), b.accuracy(), false);
                Interval ci = Wilson.ofRatio(b.accuracy(), b.count());
                reliabilityLow.add(b.meanConfidence(), ci.lo(), false);
                reliabilityHigh.add(b.meanConfidence(), ci.hi(), false);
            }
        }
        for (XYSeries s : List.of(curve, curveLow, curveHigh, reliability, reliabilityLow, reliabilityHigh)) {
            s.fireSeriesChanged();
        }
    }

    void mark(SweepPoint p) {
        current.clear();
        if (p != null) {
            current.add(p.stage1Recall(), p.stage1Precision());
        }
    }

    ChartViewer precisionRecall() {
        return precisionRecall;
    }

    ChartViewer calibration() {
        return calibration;
    }
}

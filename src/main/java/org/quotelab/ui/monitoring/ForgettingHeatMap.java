package org.quotelab.ui.monitoring;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.quotelab.service.monitoring.ForgettingMatrix;

/**
 * The forgetting matrix as a heat map: a row per recorded cascade version, a column per batch,
 * each cell coloured by accuracy (red low, green high) with its value written in it; cells not
 * computed yet are blank with a dash.
 */
final class ForgettingHeatMap {
    private static final Font CELL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final XYPlot plot;
    private final ChartViewer viewer;
    private final XYBlockRenderer renderer;

    ForgettingHeatMap() {
        XYBlockRenderer r = new XYBlockRenderer();
        renderer = r;
        r.setPaintScale(new RedToGreen());
        plot = new XYPlot(new DefaultXYZDataset(), new SymbolAxis("batch", new String[0]),
                new SymbolAxis("version", new String[0]), r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        viewer = new ChartViewer(MonitoringCharts.titled(new JFreeChart(
                "Forgetting matrix: accuracy of each version on each batch", MonitoringCharts.TITLE_FONT, plot, false)));
    }

    void load(ForgettingMatrix m) {
        List<double[]> cells = new ArrayList<>();
        plot.clearAnnotations();
        for (int i = 0; i < m.versions().size(); i++) {
            for (int j = 0; j < m.batches().size(); j++) {
                double v = m.value(i, j);
                if (!Double.isNaN(v)) {
                    cells.add(new double[] {j, i, v});
                }
                // many batches: the number alone, so neighbouring cells never run into each other
                XYTextAnnotation a = new XYTextAnnotation(Double.isNaN(v) ? "\u2013"
                        : String.format(Locale.ROOT, m.batches().size() > 8 ? "%.0f" : "%.0f%%", 100 * v), j, i);
                a.setFont(CELL_FONT);
                plot.addAnnotation(a, false);
            }
        }
        double[][] series = new double[3][cells.size()];
        for (int k = 0; k < cells.size(); k++) {
            for (int d = 0; d < 3; d++) {
                series[d][k] = cells.get(k)[d];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("accuracy", series);
        String[] days = m.batches().stream().map(b -> b.day()).toArray(String[]::new);
        String[] versions = m.versions().stream().map(ForgettingMatrix.Version::name).toArray(String[]::new);
        SymbolAxis batchAxis = new SymbolAxis("batch", java.util.Arrays.stream(days).map(ForgettingHeatMap::abbreviate)
                .toArray(String[]::new));
        // upright labels overlap beyond a few batches: turn them when there are many
        batchAxis.setVerticalTickLabels(days.length > 6);
        plot.setDomainAxis(batchAxis);
        plot.setRangeAxis(new SymbolAxis("version", java.util.Arrays.stream(versions).map(ForgettingHeatMap::abbreviate)
                .toArray(String[]::new)));
        // the full names and the figure on hover
        renderer.setDefaultToolTipGenerator((dataset, s, item) -> {
            int j = (int) Math.round(dataset.getXValue(s, item));
            int i = (int) Math.round(dataset.getYValue(s, item));
            double v = ((DefaultXYZDataset) dataset).getZValue(s, item);
            return String.format(Locale.ROOT, "%s on %s: accuracy %.1f %%", versions[i], days[j], 100 * v);
        });
        plot.setDataset(data);
    }

    /** Axis labels past 14 characters are cut with an ellipsis; the tooltip has the whole name. */
    static String abbreviate(String name) {
        return name.length() <= 14 ? name : name.substring(0, 13) + "\u2026";
    }

    ChartViewer viewer() {
        return viewer;
    }

    /** Accuracy 0 red, 0.5 amber, 1 green; light enough that the black values stay readable. */
    private static final class RedToGreen implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
            Color low = new Color(0xf4a3a3);
            Color mid = new Color(0xf8df8b);
            Color high = new Color(0x9fd8a4);
            return v < 0.5 ? mix(low, mid, v * 2) : mix(mid, high, (v - 0.5) * 2);
        }

        private static Color mix(Color a, Color b, double t) {
            return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                    (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                    (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
        }
    }
}

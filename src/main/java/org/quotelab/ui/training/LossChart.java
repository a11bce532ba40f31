package org.quotelab.ui.training;

import java.awt.Color;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.quotelab.service.training.TrainingEvent;

/**
 * The live training-loss curve. Points arrive in batches from the ViewModel; each batch is added
 * without notifications and the chart is redrawn once for it.
 */
final class LossChart {
    private final XYSeries series = new XYSeries("training loss", false, true);
    private final ChartViewer viewer;

    LossChart(javafx.collections.ObservableList<TrainingEvent.Step> steps) {
        JFreeChart chart = ChartFactory.createXYLineChart("Training loss", "step", "loss",
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x2b6cb0));
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        viewer = new ChartViewer(chart);
        viewer.setId("training-loss-chart");
        append(steps);
        steps.addListener((ListChangeListener<TrainingEvent.Step>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && c.getList().isEmpty()) {
                    series.clear();
                }
                if (c.wasAdded()) {
                    append(c.getAddedSubList());
                }
            }
        });
    }

    private void append(List<? extends TrainingEvent.Step> steps) {
        for (TrainingEvent.Step s : steps) {
            if (Double.isFinite(s.loss())) {
                series.add(s.step(), s.loss(), false);
            }
        }
        if (!steps.isEmpty()) {
            series.fireSeriesChanged();
        }
    }

    ChartViewer viewer() {
        return viewer;
    }
}

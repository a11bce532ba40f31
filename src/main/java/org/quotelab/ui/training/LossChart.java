package org.quotelab.ui.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.quotelab.service.training.TrainingEvent;

/**
 * The live training-loss chart: one colour per phase (stage 1, the cross-fitting folds, stage 2,
 * an update), each drawn as a faint raw line under its smoothed one (TensorBoard's EMA, weight on
 * a slider), with a legend. Points arrive in batches; the chart is redrawn once per batch.
 */
final class LossChart {
    private static final Color[] PALETTE = {new Color(0x2b6cb0), new Color(0x8a5cf6), new Color(0xd97706),
        new Color(0x059669), new Color(0xdc2626), new Color(0x0891b2)};

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final Map<String, Integer> phases = new LinkedHashMap<>();
    private final List<TrainingEvent.Step> all = new ArrayList<>();
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final VBox root;
    private double smoothing = LossCurves.DEFAULT_SMOOTHING;
    private final Map<String, LossCurves.Ema> emas = new LinkedHashMap<>();

    LossChart(javafx.collections.ObservableList<TrainingEvent.Step> steps) {
        JFreeChart chart = ChartFactory.createXYLineChart("Training loss", "step", "loss", data,
                PlotOrientation.VERTICAL, true, true, false);
        plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        viewer = new ChartViewer(chart);
        viewer.setId("training-loss-chart");
        Slider slider = new Slider(0, 0.99, smoothing);
        slider.setId("training-smoothing");
        slider.setPrefWidth(160);
        Label value = new Label(format(smoothing));
        slider.valueProperty().addListener((o, a, v) -> {
            smoothing = Math.min(0.99, Math.max(0, v.doubleValue()));
            value.setText(format(smoothing));
            rebuild();
        });
        HBox controls = new HBox(8, new Label("Smoothing"), slider, value);
        controls.setAlignment(Pos.CENTER_RIGHT);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        root = new VBox(4, viewer, controls);
        append(steps);
        steps.addListener((ListChangeListener<TrainingEvent.Step>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && c.getList().isEmpty()) {
                    all.clear();
                    rebuild();
                }
                if (c.wasAdded()) {
                    append(c.getAddedSubList());
                }
            }
        });
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private void append(List<? extends TrainingEvent.Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        all.addAll(steps);
        for (TrainingEvent.Step s : steps) {
            add(s);
        }
        for (Object o : data.getSeries()) {
            ((XYSeries) o).fireSeriesChanged();
        }
        legend();
    }

    private void add(TrainingEvent.Step s) {
        if (!Double.isFinite(s.loss())) {
            return;
        }
        String phase = LossCurves.series(s.phase());
        int index = phases.computeIfAbsent(phase, this::newPhase);
        double smoothed = emas.computeIfAbsent(phase, k -> new LossCurves.Ema(smoothing)).next(s.loss());
        data.getSeries(2 * index).add(s.step(), s.loss(), false);
        data.getSeries(2 * index + 1).add(s.step(), smoothed, false);
    }

    /** Two series per phase: the raw loss (faint, thin) and its smoothed line (full colour). */
    private int newPhase(String phase) {
        int index = phases.size();
        Color c = PALETTE[index % PALETTE.length];
        data.addSeries(new XYSeries(phase + " (raw)", false, true));
        data.addSeries(new XYSeries(phase, false, true));
        renderer.setSeriesPaint(2 * index, new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
        renderer.setSeriesStroke(2 * index, new BasicStroke(1f));
        renderer.setSeriesPaint(2 * index + 1, c);
        renderer.setSeriesStroke(2 * index + 1, new BasicStroke(2f));
        return index;
    }

    /** The legend names each phase once, in the smoothed line's colour. */
    private void legend() {
        LegendItemCollection items = new LegendItemCollection();
        phases.forEach((phase, i) -> items.add(new LegendItem(phase, PALETTE[i % PALETTE.length])));
        plot.setFixedLegendItems(items);
    }

    /** A new smoothing weight, or a new job: every line again from the points kept. */
    private void rebuild() {
        data.removeAllSeries();
        phases.clear();
        emas.clear();
        for (TrainingEvent.Step s : all) {
            add(s);
        }
        for (Object o : data.getSeries()) {
            ((XYSeries) o).fireSeriesChanged();
        }
        legend();
    }

    /** The phases drawn so far, in order (for tests). */
    List<String> phases() {
        return List.copyOf(phases.keySet());
    }

    Node viewer() {
        return root;
    }
}

package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.quotelab.domain.calibration.ReliabilityDiagram;
import org.quotelab.domain.calibration.TemperatureScaling;
import org.quotelab.domain.cascade.Folds;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.cascade.Stage2TrainingSet;
import org.quotelab.domain.cascade.SweepPoint;
import org.quotelab.domain.cascade.ThresholdObjective;
import org.quotelab.domain.cascade.ThresholdSweep;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.DataSplit;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.ml.train.FineTuneRun;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.service.FineTuneProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the two-stage cascade as the seed does, optionally with a cross-fitted stage-2 set, then
 * calibrates both stages and recommends an operating point on a held-out validation part.
 */
public final class CascadeTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(CascadeTrainer.class);
    private static final int MAX_LENGTH = 128;
    private static final int SCORE_BATCH = 64;
    /** The most end-to-end macro-F1 the recommendation gives up to meet its objective. */
    static final double MAX_MACRO_F1_TRADE = 0.05;

    private final FineTuneListener listener;
    private final Consumer<String> phases;

    public CascadeTrainer(FineTuneListener listener, Consumer<String> phases) {
        this.listener = listener;
        this.phases = phases;
    }

    /** For callers above the service layer, which see progress in service terms. */
    public CascadeTrainer(FineTuneProgress progress, Consumer<String> phases) {
        this(FineTuneProgress.toListener(progress), phases);
    }

    /** Trains into {@code out} (which must not exist yet) and returns the cascade written there. */
    public CascadeModel train(List<LabelledText> quotes, CascadeConfig cfg, Path out, BooleanSupplier cancelled)
            throws IOException {
        if (Files.exists(out)) {
            throw new IOException("cascade folder " + out + " already exists");
        }
        // natural order ("2" before "10"): the class order every screen and export shows
        TreeSet<String> known = new TreeSet<>(org.quotelab.domain.project.NaturalOrder.INSTANCE);
        quotes.stream().filter(LabelledText::inTopic).map(LabelledText::topic).forEach(known::add);
        List<String> topics = List.copyOf(known);
        int[] endToEnd = quotes.stream().mapToInt(q -> q.inTopic() ? topics.indexOf(q.topic()) + 1 : 0).toArray();
        int[][] split = DataSplit.stratified(endToEnd, topics.size() + 1, cfg.validationFraction(), cfg.seed());
        List<LabelledText> fit = DataSplit.select(quotes, split[0]);
        List<LabelledText> valid = DataSplit.select(quotes, split[1]);
        Files.createDirectories(out);
        try {
            return trainInto(quotes, topics, fit, valid, cfg, out, cancelled);
        } catch (IOException | RuntimeException e) {
            // A cancelled or failed run leaves nothing behind; the active cascade is elsewhere and untouched.
            ModelFolders.deleteTree(out);
            throw e;
        }
    }

    private CascadeModel trainInto(List<LabelledText> quotes, List<String> topics, List<LabelledText> fit,
            List<LabelledText> valid, CascadeConfig cfg, Path out, BooleanSupplier cancelled) throws IOException {
        if (cfg.stage1Version() == null) {
            phases.accept("stage 1: fine-tuning on " + fit.size() + " quotes");
            trainStage(texts(fit), binaryLabels(fit), cfg.baseModel(), cfg.stage1(), out.resolve("stage1"), "stage1",
                    cancelled);
        } else {
            // Reusing stage 1 lets two stage-2 constructions be compared on the very same stage 1.
            phases.accept("stage 1: reusing " + cfg.stage1Version());
            ModelFolders.copyTree(cfg.stage1Version(), out.resolve("stage1"));
        }

        boolean[] passed = cfg.construction() == Construction.SEED
                ? passedBy(out.resolve("stage1"), texts(fit))
                : crossFitted(fit, cfg, out, cancelled);
        int[] fitTruth = new int[fit.size()];
        for (int i = 0; i < fit.size(); i++) {
            fitTruth[i] = fit.get(i).inTopic() ? topics.indexOf(fit.get(i).topic()) + 1 : 0;
        }
        List<Stage2TrainingSet.Example> s2 = Stage2TrainingSet.build(fitTruth, passed);
        long class0 = Stage2TrainingSet.class0Count(s2);
        LOG.info("stage-2 set: {} quotes, {} of class 0 ({})", s2.size(), class0, cfg.construction());

        phases.accept("stage 2: fine-tuning on " + s2.size() + " quotes (" + class0 + " not pertinent)");
        List<String> s2Texts = new ArrayList<>();
        List<String> s2Labels = new ArrayList<>();
        for (Stage2TrainingSet.Example e : s2) {
            s2Texts.add(fit.get(e.index()).text());
            s2Labels.add(e.stage2Class() == 0 ? CascadeModel.NOT_PERTINENT : topics.get(e.stage2Class() - 1));
        }
        trainStage(s2Texts, s2Labels, cfg.baseModel(), cfg.stage2(), out.resolve("stage2"), "stage2", cancelled);

        phases.accept("calibrating on " + valid.size() + " held-out quotes");
        CascadeModel model = calibrate(out, topics, valid, cfg, class0, s2.size(), fit.size());
        model.write(out);
        return model;
    }

    private CascadeModel calibrate(Path out, List<String> topics, List<LabelledText> valid, CascadeConfig cfg,
            long class0, int stage2Size, int fitSize) throws IOException {
        CascadeModel uncalibrated = new CascadeModel(topics, "stage1", "stage2", 1.0, 1.0, 0.5, null,
                cfg.construction().name(), Map.of());
        uncalibrated.write(out);
        double t1;
        double t2;
        Map<String, Object> facts = new LinkedHashMap<>();
        try (VersionScorer s1 = VersionScorer.open(out.resolve("stage1"), MAX_LENGTH, SCORE_BATCH);
             VersionScorer s2 = VersionScorer.open(out.resolve("stage2"), MAX_LENGTH, SCORE_BATCH)) {
            float[][] p1 = s1.probabilities(texts(valid));
            int[] y1 = valid.stream().mapToInt(q -> s1.labels().indexOf(q.inTopic() ? "1" : "0")).toArray();
            t1 = TemperatureScaling.fit(toDouble(p1), y1);
            // Stage 2 is calibrated on what it sees in use: the validation quotes stage 1 passes.
            float[][] p2 = s2.probabilities(texts(valid));
            int positive = s1.labels().indexOf("1");
            List<double[]> rows = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            for (int i = 0; i < valid.size(); i++) {
                LabelledText q = valid.get(i);
                int y = s2.labels().indexOf(q.inTopic() ? q.topic() : CascadeModel.NOT_PERTINENT);
                if (p1[i][positive] >= 0.5 && y >= 0) {
                    rows.add(CascadeScorer.toDouble(p2[i]));
                    ys.add(y);
                }
            }
            double[][] r2 = rows.toArray(double[][]::new);
            int[] y2 = ys.stream().mapToInt(Integer::intValue).toArray();
            t2 = TemperatureScaling.fit(r2, y2);
            facts.put("stage1_ece_before", ReliabilityDiagram.of(toDouble(p1), y1, 15).expectedCalibrationError());
            facts.put("stage1_ece_after",
                    ReliabilityDiagram.of(TemperatureScaling.apply(toDouble(p1), t1), y1, 15).expectedCalibrationError());
            facts.put("stage2_ece_before", ReliabilityDiagram.of(r2, y2, 15).expectedCalibrationError());
            facts.put("stage2_ece_after",
                    ReliabilityDiagram.of(TemperatureScaling.apply(r2, t2), y2, 15).expectedCalibrationError());
        }
        facts.put("class0_examples", class0);
        facts.put("stage2_examples", stage2Size);
        facts.put("fit_quotes", fitSize);
        facts.put("validation_quotes", valid.size());
        facts.put("folds", cfg.construction() == Construction.CROSS_FIT ? cfg.folds() : 0);
        facts.put("seed", cfg.seed());
        CascadeModel calibrated = new CascadeModel(topics, "stage1", "stage2", t1, t2, 0.5, null,
                cfg.construction().name(), facts);
        calibrated.write(out);
        OperatingPoint point = recommend(out, valid, cfg.objective());
        LOG.info("recommended on {} validation quotes: {}", valid.size(), point.describe());
        return calibrated.withOperatingPoint(point);
    }

    /**
     * The validation operating point: the stage-1 threshold with the best end-to-end macro-F1 under
     * stage 2's argmax rule, then what the objective asks from there. That point itself when
     * nothing meets the objective (few labelled quotes, an easy data set) or when meeting it would
     * cost more than {@link #MAX_MACRO_F1_TRADE}: a weak model reaches class-0 recall only by
     * calling nearly everything class 0.
     */
    private static OperatingPoint recommend(Path out, List<LabelledText> valid, CascadeConfig.Objective objective)
            throws IOException {
        try (CascadeScorer scorer = CascadeScorer.open(out, MAX_LENGTH, SCORE_BATCH)) {
            CascadeScores scores = scorer.score(texts(valid)).against(valid, 1);
            double[] grid = ThresholdSweep.grid(200);
            OperatingPoint start = OperatingPoint.argmax(0.5);
            Optional<SweepPoint> best = ThresholdSweep.recommend(scores, grid, start,
                    ThresholdObjective.BEST_MACRO_F1, 0);
            OperatingPoint from = best.map(OperatingPoint::of).orElse(start);
            return ThresholdSweep.recommend(scores, grid, from, objective.kind(), objective.bound())
                    .filter(p -> p.endToEndMacroF1() >= best.orElseThrow().endToEndMacroF1() - MAX_MACRO_F1_TRADE)
                    .map(OperatingPoint::of).orElse(from);
        }
    }

    private boolean[] crossFitted(List<LabelledText> fit, CascadeConfig cfg, Path out, BooleanSupplier cancelled)
            throws IOException {
        int[] y = fit.stream().mapToInt(q -> q.inTopic() ? 1 : 0).toArray();
        int[] fold = Folds.stratified(y, cfg.folds(), cfg.seed());
        boolean[] passed = new boolean[fit.size()];
        Path scratch = out.resolve(".folds");
        try {
            for (int f = 0; f < cfg.folds(); f++) {
                List<LabelledText> in = new ArrayList<>();
                List<Integer> heldOut = new ArrayList<>();
                for (int i = 0; i < fit.size(); i++) {
                    if (fold[i] == f) {
                        heldOut.add(i);
                    } else {
                        in.add(fit.get(i));
                    }
                }
                phases.accept("cross-fitting stage 1: fold " + (f + 1) + " of " + cfg.folds());
                Path dir = scratch.resolve("fold" + f);
                trainStage(texts(in), binaryLabels(in), cfg.baseModel(), cfg.stage1(), dir, "stage1-fold", cancelled);
                List<String> heldTexts = heldOut.stream().map(i -> fit.get(i).text()).toList();
                boolean[] p = passedBy(dir, heldTexts);
                for (int k = 0; k < heldOut.size(); k++) {
                    passed[heldOut.get(k)] = p[k];
                }
                ModelFolders.deleteTree(dir);
            }
        } finally {
            ModelFolders.deleteTree(scratch);
        }
        return passed;
    }

    private void trainStage(List<String> texts, List<String> labels, String base, TrainingConfig cfg,
            Path dir, String task, BooleanSupplier cancelled) throws IOException {
        FineTuneRun.Request request = new FineTuneRun.Request(texts, labels, List.of(), List.of(), base,
                BertModels.parentVersion(base), cfg, 0.1, task);
        new FineTuneRun(BertModels::open, listener).run(request, dir, cancelled);
    }

    private static boolean[] passedBy(Path stage1, List<String> texts) throws IOException {
        try (VersionScorer s = VersionScorer.open(stage1, MAX_LENGTH, SCORE_BATCH)) {
            int positive = s.labels().indexOf("1");
            float[][] p = s.probabilities(texts);
            boolean[] passed = new boolean[p.length];
            for (int i = 0; i < p.length; i++) {
                passed[i] = p[i][positive] >= 0.5;
            }
            return passed;
        }
    }

    private static List<String> binaryLabels(List<LabelledText> quotes) {
        return quotes.stream().map(q -> q.inTopic() ? "1" : "0").toList();
    }

    static List<String> texts(List<LabelledText> quotes) {
        return quotes.stream().map(LabelledText::text).toList();
    }

    private static double[][] toDouble(float[][] p) {
        double[][] d = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            d[i] = CascadeScorer.toDouble(p[i]);
        }
        return d;
    }
}

package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.quotelab.domain.project.NaturalOrder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.quotelab.ml.model.ComputeDevice;
import java.util.stream.IntStream;
import org.quotelab.domain.cascade.Folds;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.Recommendation;
import org.quotelab.domain.cascade.Stage2TrainingSet;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.DataSplit;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.ml.train.UnfamiliarFit;
import org.quotelab.ml.train.FineTuneRun;
import org.quotelab.ml.infer.Scores;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.service.FineTuneProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the two-stage cascade. With the cross-fitted construction every training quote is scored
 * by stage-1 and stage-2 models that did not see it; those out-of-fold probabilities, over all
 * training quotes, fit both temperatures and choose the operating point, and the final stages
 * learn every quote. The seed's construction has no out-of-fold scores: it keeps a held-out part
 * for calibration. Either way a point is recommended only with enough class-0 examples
 * ({@link Recommendation#MIN_CLASS0_SUPPORT}); otherwise the plain rule stays, and says so.
 */
public final class CascadeTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(CascadeTrainer.class);
    private static final int MAX_LENGTH = 128;
    private static final int SCORE_BATCH = 64;
    /** The most end-to-end macro-F1 the recommendation gives up to meet its objective. */
    static final double MAX_MACRO_F1_TRADE = 0.05;

    /** Fact of cascade.json: end-to-end macro-F1 at the recommended point on the held-out quotes. */
    public static final String VALIDATION_MACRO_F1 = "validation_macro_f1";

    /** How one stage's version is made from its texts and labels. */
    @FunctionalInterface
    public interface StageFitter {
        void fit(List<String> texts, List<String> labels, String base, TrainingConfig cfg, Path dir, String task,
                 BooleanSupplier cancelled) throws IOException;
    }

    /**
     * A fitter whose stages live in memory (the quick start's heads on cached encoder outputs):
     * cross-fitting asks it for a fold's held-out probabilities instead of writing each fold's
     * version, loading it back and running the encoder again; stage 1's features come from it too.
     */
    public interface InMemoryFolds {
        /** Fits on {@code texts}/{@code labels} and returns its labels and the probabilities of {@code heldOut}. */
        Scored fitAndScore(List<String> texts, List<String> labels, String task, List<String> heldOut,
                BooleanSupplier cancelled) throws IOException;

        /** Stage 1's features of {@code texts} for the unfamiliar score, as its version computes them. */
        float[][] features(List<String> texts, BooleanSupplier cancelled) throws IOException;
    }

    /** A fold's labels (output order), the probabilities of the quotes it did not see, and their distances or null. */
    public record Scored(List<String> labels, float[][] probabilities, double[] distances) {
    }

    private final FineTuneListener listener;
    private final Consumer<String> phases;
    private final ComputeDevice device;
    private final StageFitter fitter;
    private final InMemoryFolds inMemory;

    /** Trains and scores every model of the cascade on {@code device}. */
    public CascadeTrainer(FineTuneListener listener, Consumer<String> phases, ComputeDevice device) {
        this.listener = listener;
        this.phases = phases;
        this.device = device;
        this.fitter = this::fineTune;
        this.inMemory = null;
    }

    /**
     * With another way to fit each stage (the quick start's linear heads on a frozen encoder);
     * the split, the stage-2 set, calibration and the recommendation stay the same.
     */
    public CascadeTrainer(StageFitter fitter, Consumer<String> phases) {
        this(fitter, null, phases);
    }

    /** As {@link #CascadeTrainer(StageFitter, Consumer)}, with folds fitted and scored in memory. */
    public CascadeTrainer(StageFitter fitter, InMemoryFolds inMemory, Consumer<String> phases) {
        this.listener = null;
        this.phases = phases;
        this.fitter = fitter;
        this.inMemory = inMemory;
        this.device = ComputeDevice.AUTO;
    }

    /** For callers above the service layer, which see progress in service terms; on the automatic device. */
    public CascadeTrainer(FineTuneProgress progress, Consumer<String> phases) {
        this(FineTuneProgress.toListener(progress), phases, ComputeDevice.AUTO);
    }

    /** Trains into {@code out} (which must not exist yet) and returns the cascade written there. */
    public CascadeModel train(List<LabelledText> quotes, CascadeConfig cfg, Path out, BooleanSupplier cancelled)
            throws IOException {
        if (Files.exists(out)) {
            throw new IOException("cascade folder " + out + " already exists");
        }
        List<String> topics = topicsOf(quotes);
        List<LabelledText> fit = quotes;
        List<LabelledText> valid = List.of();
        if (cfg.construction() == Construction.SEED) {
            int[][] split = split(quotes, topics, cfg);
            fit = DataSplit.select(quotes, split[0]);
            valid = DataSplit.select(quotes, split[1]);
        }
        Files.createDirectories(out);
        try {
            return trainInto(quotes, topics, fit, valid, cfg, out, cancelled);
        } catch (IOException | RuntimeException e) {
            // A cancelled or failed run leaves nothing behind; the active cascade is elsewhere and untouched.
            ModelFolders.deleteTree(out);
            throw e;
        }
    }

    /**
     * Indexes of {@code quotes} that fit the temperatures and the operating point: all of them
     * (out-of-fold) when cross-fitted, else the held-out part the seed's construction keeps.
     */
    public static int[] calibrationPart(List<LabelledText> quotes, CascadeConfig cfg) {
        if (cfg.construction() == Construction.CROSS_FIT) {
            return IntStream.range(0, quotes.size()).toArray();
        }
        return split(quotes, topicsOf(quotes), cfg)[1];
    }

    /** The in-topic classes in natural order ("2" before "10"): the order every screen and export shows. */
    private static List<String> topicsOf(List<LabelledText> quotes) {
        TreeSet<String> known = new TreeSet<>(NaturalOrder.INSTANCE);
        quotes.stream().filter(LabelledText::inTopic).map(LabelledText::topic).forEach(known::add);
        return List.copyOf(known);
    }

    private static int[][] split(List<LabelledText> quotes, List<String> topics, CascadeConfig cfg) {
        int[] endToEnd = quotes.stream().mapToInt(q -> q.inTopic() ? topics.indexOf(q.topic()) + 1 : 0).toArray();
        return DataSplit.stratified(endToEnd, topics.size() + 1, cfg.validationFraction(), cfg.seed());
    }

    private CascadeModel trainInto(List<LabelledText> quotes, List<String> topics, List<LabelledText> fit,
            List<LabelledText> valid, CascadeConfig cfg, Path out, BooleanSupplier cancelled) throws IOException {
        if (cfg.stage1Version() == null) {
            phases.accept("stage 1: " + counts(quotes.size(), fit, valid, cfg));
            trainStage(texts(fit), binaryLabels(fit), cfg.baseModel(), cfg.stage1(), out.resolve("stage1"), "stage1",
                    cancelled);
        } else {
            // Reusing stage 1 lets two stage-2 constructions be compared on the very same stage 1.
            phases.accept("stage 1: reusing " + cfg.stage1Version());
            ModelFolders.copyTree(cfg.stage1Version(), out.resolve("stage1"));
        }

        boolean cross = cfg.construction() == Construction.CROSS_FIT;
        int[] fold = cross ? Folds.stratified(fit.stream().mapToInt(q -> q.inTopic() ? 1 : 0).toArray(), cfg.folds(),
                cfg.seed()) : null;
        // filled by the fine-tuned folds; the in-memory folds of a quick start keep the encoder frozen
        double[] oofDistances = cross && inMemory == null ? new double[fit.size()] : null;
        double[][] oof1 = cross ? crossFitted(fit, fold, cfg, out, oofDistances, cancelled) : null;
        boolean[] passed = cross ? OutOfFold.passed(oof1) : passedBy(out.resolve("stage1"), texts(fit));
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

        phases.accept("stage 1: feature statistics for the unfamiliar score");
        if (oofDistances != null) {
            UnfamiliarFit.fitAndSaveWithDistances(out.resolve("stage1"), texts(fit), oofDistances, cfg.stage1().seed());
        } else if (valid.isEmpty()) {
            // cross-fitted: stage 1 learned every quote but the part its recipe held out to pick the epoch, if any
            UnfamiliarFit.fitAndSaveAfterFineTune(out.resolve("stage1"), texts(fit), binaryLabels(fit),
                    cfg.stage1().epochHoldOut(), cfg.stage1().seed(), known(cancelled));
        } else {
            UnfamiliarFit.fitAndSave(out.resolve("stage1"), texts(fit), texts(valid),
                    "the cascade's calibration quotes", cfg.seed(), known(cancelled));
        }
        CascadeModel model;
        if (cross) {
            double[][] oof2 = crossFittedStage2(fit, fold, s2Texts, s2Labels, s2, topics, cfg, out, cancelled);
            phases.accept("calibrating on the out-of-fold scores of all " + fit.size() + " training quotes");
            OutOfFold.Fitted f = OutOfFold.fit(topics, fit, oof1, oof2, cfg.objective(), MAX_MACRO_F1_TRADE);
            Map<String, Object> facts = facts(cfg, class0, s2.size(), fit.size());
            facts.putAll(f.facts());
            model = new CascadeModel(topics, "stage1", "stage2", f.t1(), f.t2(), 0.5, null, cfg.construction().name(),
                    facts).withOperatingPoint(f.recommendation().point());
            report(f.recommendation(), fit.size(), "out-of-fold");
            f.write(out, oofDistances);
        } else {
            phases.accept("calibrating on " + valid.size() + " held-out quotes");
            HeldOutCalibration.Calibrated c = new HeldOutCalibration(MAX_LENGTH, SCORE_BATCH, device)
                    .calibrate(out, topics, valid, cfg, facts(cfg, class0, s2.size(), fit.size()));
            report(c.recommendation(), valid.size(), "held-out");
            model = c.model();
        }
        model.write(out);
        return model;
    }

    /**
     * How the labelled quotes divide, so that the figures on screen add up: the cascade's held-out
     * part (calibration and thresholds), and within a fine-tune the part that picks the best epoch.
     */
    private String counts(int labelled, List<LabelledText> fit, List<LabelledText> valid, CascadeConfig cfg) {
        String split = valid.isEmpty() ? String.format(java.util.Locale.ROOT,
                "%,d labelled quotes, all to train; calibration and thresholds from their out-of-fold scores", labelled)
                : String.format(java.util.Locale.ROOT,
                "%,d labelled quotes = %,d to train + %,d held out for calibration and thresholds", labelled,
                fit.size(), valid.size());
        if (listener == null) {
            return split + "; fitting on all %,d".formatted(fit.size());
        }
        // the same stratified split FineTuneRun makes for stage 1 (labels "0" and "1" in that order)
        int[] y = fit.stream().mapToInt(q -> q.inTopic() ? 1 : 0).toArray();
        int epochHoldOut = DataSplit.stratified(y, 2, cfg.stage1().epochHoldOut(), cfg.stage1().seed())[1].length;
        return split + (epochHoldOut == 0
                ? String.format(java.util.Locale.ROOT, "; fine-tuning on all %,d, the last epoch kept", fit.size())
                : String.format(java.util.Locale.ROOT, "; fine-tuning on %,d (%,d more held out to pick the best epoch)",
                        fit.size() - epochHoldOut, epochHoldOut));
    }

    private void report(Recommendation r, int quotes, String on) {
        LOG.info("operating point from {} {} quotes: {}", quotes, on, r.reason());
        phases.accept("operating point: " + r.reason());
    }

    private static Map<String, Object> facts(CascadeConfig cfg, long class0, int stage2Size, int fitSize) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("class0_examples", class0);
        facts.put("stage2_examples", stage2Size);
        facts.put("fit_quotes", fitSize);
        facts.put("folds", cfg.construction() == Construction.CROSS_FIT ? cfg.folds() : 0);
        facts.put("seed", cfg.seed());
        return facts;
    }

    /** Raw stage-1 probabilities [P(out), P(in)] of each quote from the fold model that did not see it. */
    private double[][] crossFitted(List<LabelledText> fit, int[] fold, CascadeConfig cfg, Path out,
            double[] distances, BooleanSupplier cancelled) throws IOException {
        double[][] oof = new double[fit.size()][];
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
                Scored s = fold(texts(in), binaryLabels(in), heldOut.stream().map(i -> fit.get(i).text()).toList(),
                        cfg.baseModel(), cfg.stage1(), scratch.resolve("fold" + f), "stage1-fold", distances != null,
                        cancelled);
                for (int k = 0; distances != null && k < heldOut.size(); k++) {
                    distances[heldOut.get(k)] = s.distances()[k];
                }
                int positive = s.labels().indexOf("1");
                for (int k = 0; k < heldOut.size(); k++) {
                    float[] p = s.probabilities()[k];
                    oof[heldOut.get(k)] = new double[] {1 - p[positive], p[positive]};
                }
            }
        } finally {
            ModelFolders.deleteTree(scratch);
        }
        return oof;
    }

    /**
     * Raw stage-2 probabilities in cascade order of each quote from a stage 2 trained on the
     * stage-2 examples of the other folds: what the operating point's class-0 threshold is chosen on.
     */
    private double[][] crossFittedStage2(List<LabelledText> fit, int[] fold, List<String> s2Texts,
            List<String> s2Labels, List<Stage2TrainingSet.Example> s2, List<String> topics, CascadeConfig cfg,
            Path out, BooleanSupplier cancelled) throws IOException {
        double[][] oof = new double[fit.size()][];
        Path scratch = out.resolve(".folds2");
        try {
            for (int f = 0; f < cfg.folds(); f++) {
                List<String> texts = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                for (int e = 0; e < s2.size(); e++) {
                    if (fold[s2.get(e).index()] != f) {
                        texts.add(s2Texts.get(e));
                        labels.add(s2Labels.get(e));
                    }
                }
                List<Integer> heldOut = new ArrayList<>();
                for (int i = 0; i < fit.size(); i++) {
                    if (fold[i] == f) {
                        heldOut.add(i);
                    }
                }
                phases.accept("cross-fitting stage 2: fold " + (f + 1) + " of " + cfg.folds());
                Scored s = fold(texts, labels, heldOut.stream().map(i -> fit.get(i).text()).toList(),
                        cfg.baseModel(), cfg.stage2(), scratch.resolve("fold" + f), "stage2-fold", false, cancelled);
                double[][] q = CascadeScorer.stage2InCascadeOrder(new LabelMap(s.labels()), s.probabilities(), topics,
                        1.0);
                for (int k = 0; k < heldOut.size(); k++) {
                    oof[heldOut.get(k)] = q[k];
                }
            }
        } finally {
            ModelFolders.deleteTree(scratch);
        }
        return oof;
    }

    private UnfamiliarFit.Features known(BooleanSupplier cancelled) {
        return inMemory == null ? null : texts -> inMemory.features(texts, cancelled);
    }

    /**
     * One fold's stage fitted, and the quotes it did not see scored: in memory when the fitter can.
     * With {@code distances}, also their unfamiliar distances under the fold model's own statistics.
     */
    private Scored fold(List<String> texts, List<String> labels, List<String> heldOut, String base, TrainingConfig cfg,
            Path dir, String task, boolean distances, BooleanSupplier cancelled) throws IOException {
        if (inMemory != null) {
            return inMemory.fitAndScore(texts, labels, task, heldOut, cancelled);
        }
        trainStage(texts, labels, base, cfg, dir, task, cancelled);
        try (VersionScorer s = VersionScorer.open(dir, MAX_LENGTH, SCORE_BATCH, device)) {
            if (!distances) {
                return new Scored(s.labels().labels(), s.probabilities(heldOut), null);
            }
            Scores held = s.scores(heldOut);
            return new Scored(s.labels().labels(), held.probabilities(), UnfamiliarFit.heldOutDistances(s, texts, held,
                    cfg.seed()));
        } finally {
            ModelFolders.deleteTree(dir);
        }
    }

    private void trainStage(List<String> texts, List<String> labels, String base, TrainingConfig cfg,
            Path dir, String task, BooleanSupplier cancelled) throws IOException {
        fitter.fit(texts, labels, base, cfg, dir, task, cancelled);
    }

    private void fineTune(List<String> texts, List<String> labels, String base, TrainingConfig cfg,
            Path dir, String task, BooleanSupplier cancelled) throws IOException {
        FineTuneRun.Request request = new FineTuneRun.Request(texts, labels, List.of(), List.of(), base,
                BertModels.parentVersion(base), cfg, cfg.epochHoldOut(), task);
        new FineTuneRun(BertModels.on(device), listener).run(request, dir, cancelled);
    }

    private boolean[] passedBy(Path stage1, List<String> texts) throws IOException {
        try (VersionScorer s = VersionScorer.open(stage1, MAX_LENGTH, SCORE_BATCH, device)) {
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
}

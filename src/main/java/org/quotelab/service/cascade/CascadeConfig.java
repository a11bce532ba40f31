package org.quotelab.service.cascade;

import java.nio.file.Path;
import org.quotelab.domain.cascade.ThresholdObjective;
import org.quotelab.ml.train.ClassWeighting;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.TrainingRecipe;

/**
 * How to train a cascade.
 *
 * @param validationFraction share of the labelled quotes held out for calibration and the sweep
 * @param folds              cross-fitting folds (with {@link Construction#CROSS_FIT})
 * @param stage1Version      an already trained stage-1 version to reuse instead of training one (null: train)
 * @param objective          what the operating point recommended on the validation part must achieve
 */
public record CascadeConfig(
        String baseModel,
        TrainingConfig stage1,
        TrainingConfig stage2,
        Construction construction,
        int folds,
        double validationFraction,
        long seed,
        Path stage1Version,
        Objective objective) {

    /**
     * The recommendation's objective and bound. When no operating point reaches the bound on the
     * validation part, the best end-to-end macro-F1 is recommended instead.
     */
    public record Objective(ThresholdObjective kind, double bound) {
        /** Class-0 recall of at least 0.5: the analysts' question (docs/decisions/0012-class0-threshold.md). */
        public static final Objective DEFAULT = new Objective(ThresholdObjective.MIN_CLASS0_RECALL, 0.5);
    }

    /** With the default objective. */
    public CascadeConfig(String baseModel, TrainingConfig stage1, TrainingConfig stage2, Construction construction,
            int folds, double validationFraction, long seed, Path stage1Version) {
        this(baseModel, stage1, stage2, construction, folds, validationFraction, seed, stage1Version, Objective.DEFAULT);
    }

    public CascadeConfig {
        if (validationFraction <= 0 || validationFraction >= 0.5) {
            throw new IllegalArgumentException("validation fraction must be in (0, 0.5), got " + validationFraction);
        }
        if (construction == Construction.CROSS_FIT && folds < 2) {
            throw new IllegalArgumentException("cross-fitting needs at least 2 folds, got " + folds);
        }
        objective = objective == null ? Objective.DEFAULT : objective;
    }

    /**
     * Stage 1 with the product's stage-1 recipe ({@link TrainingRecipe#DEFAULT}, chosen in
     * docs/decisions/0021-stage1-recipe.md); stage 2 with the settings that measured best for the
     * topic model (lr 1e-4, 5 epochs, inverse-frequency weights: docs/decisions/0004-fine-tuning.md);
     * cross-fitted stage-2 construction.
     */
    public static CascadeConfig defaults(String baseModel) {
        TrainingConfig s1 = TrainingRecipe.DEFAULT.builder().build();
        TrainingConfig s2 = TrainingConfig.builder().learningRate(1e-4).epochs(5)
                .classWeighting(ClassWeighting.INVERSE).build();
        return new CascadeConfig(baseModel, s1, s2, Construction.CROSS_FIT, 3, 0.15, 42, null);
    }

    /** The command-line name of the default stage-1 recipe. */
    public static String defaultStage1Recipe() {
        return TrainingRecipe.DEFAULT.label();
    }

    /**
     * The knobs of one stage's fine-tune that {@code quotelab cascade train} exposes: a named recipe
     * (null: the plain training defaults) and values that override it when not null.
     */
    public record StageRecipe(String recipe, Integer epochs, Double learningRate, String classWeights) {

        public StageRecipe(int epochs, double learningRate, String classWeights) {
            this(null, epochs, learningRate, classWeights);
        }

        TrainingConfig config(int batchSize, long seed) {
            TrainingConfig.Builder b = recipe == null ? TrainingConfig.builder() : TrainingRecipe.named(recipe).builder();
            b.batchSize(batchSize).seed(seed);
            if (epochs != null) {
                b.epochs(epochs);
            }
            if (learningRate != null) {
                b.learningRate(learningRate);
            }
            if (classWeights != null) {
                b.classWeighting(ClassWeighting.parse(classWeights));
            }
            return b.build();
        }
    }

    /** A cascade from plain values, so callers above the service layer never build an ml training config. */
    public static CascadeConfig of(String baseModel, int batchSize, long seed, StageRecipe stage1, StageRecipe stage2,
            Construction construction, int folds, double validationFraction, Path stage1Version, Objective objective) {
        return new CascadeConfig(baseModel, stage1.config(batchSize, seed), stage2.config(batchSize, seed), construction,
                folds, validationFraction, seed, stage1Version, objective);
    }

    public CascadeConfig withConstruction(Construction c) {
        return new CascadeConfig(baseModel, stage1, stage2, c, folds, validationFraction, seed, stage1Version, objective);
    }

    public CascadeConfig withStages(TrainingConfig s1, TrainingConfig s2) {
        return new CascadeConfig(baseModel, s1, s2, construction, folds, validationFraction, seed, stage1Version, objective);
    }

    public CascadeConfig withFolds(int k) {
        return new CascadeConfig(baseModel, stage1, stage2, construction, k, validationFraction, seed, stage1Version, objective);
    }

    public CascadeConfig withStage1Version(Path version) {
        return new CascadeConfig(baseModel, stage1, stage2, construction, folds, validationFraction, seed, version, objective);
    }
}

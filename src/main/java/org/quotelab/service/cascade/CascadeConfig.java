package org.quotelab.service.cascade;

import org.quotelab.ml.train.ClassWeighting;
import org.quotelab.ml.train.TrainingConfig;

/**
 * How to train a cascade.
 *
 * @param validationFraction share of the labelled quotes held out for calibration and the sweep
 * @param folds              cross-fitting folds (with {@link Construction#CROSS_FIT})
 */
public record CascadeConfig(
        String baseModel,
        TrainingConfig stage1,
        TrainingConfig stage2,
        Construction construction,
        int folds,
        double validationFraction,
        long seed) {

    public CascadeConfig {
        if (validationFraction <= 0 || validationFraction >= 0.5) {
            throw new IllegalArgumentException("validation fraction must be in (0, 0.5), got " + validationFraction);
        }
        if (construction == Construction.CROSS_FIT && folds < 2) {
            throw new IllegalArgumentException("cross-fitting needs at least 2 folds, got " + folds);
        }
    }

    /** The seed's recipe for both stages, class weights for the rare topics, cross-fitted stage 2. */
    public static CascadeConfig defaults(String baseModel) {
        TrainingConfig s1 = TrainingConfig.builder().classWeighting(ClassWeighting.SQRT_INVERSE).build();
        TrainingConfig s2 = TrainingConfig.builder().classWeighting(ClassWeighting.SQRT_INVERSE).build();
        return new CascadeConfig(baseModel, s1, s2, Construction.CROSS_FIT, 3, 0.15, 42);
    }

    public CascadeConfig withConstruction(Construction c) {
        return new CascadeConfig(baseModel, stage1, stage2, c, folds, validationFraction, seed);
    }

    public CascadeConfig withStages(TrainingConfig s1, TrainingConfig s2) {
        return new CascadeConfig(baseModel, s1, s2, construction, folds, validationFraction, seed);
    }
}

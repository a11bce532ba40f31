package org.quotelab.service.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quotelab.ml.train.ClassWeighting;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.TrainingRecipe;

/** The cascade's stage 1 follows the named recipes; cascade train's explicit options override them. */
class CascadeConfigRecipeTest {

    private static CascadeConfig of(CascadeConfig.StageRecipe stage1) {
        return CascadeConfig.of("tiny", 16, 5, stage1, new CascadeConfig.StageRecipe(5, 1e-4, "inverse"),
                Construction.CROSS_FIT, 3, 0.15, null, CascadeConfig.Objective.DEFAULT);
    }

    @Test
    void theDefaultsTrainStage1WithTheProductRecipe() {
        TrainingConfig s1 = CascadeConfig.defaults("tiny").stage1();
        TrainingConfig recipe = TrainingRecipe.DEFAULT.builder().build();
        assertEquals(recipe.asMap(), s1.asMap());
        assertEquals(TrainingRecipe.DEFAULT.label(), CascadeConfig.defaultStage1Recipe());
    }

    @Test
    void aNamedRecipeSetsStage1AndExplicitValuesOverrideIt() {
        TrainingConfig plain = of(new CascadeConfig.StageRecipe("reference", null, null, null)).stage1();
        assertFalse(plain.clsPooler());
        assertEquals(5e-5, plain.learningRate());
        assertEquals(0.0, plain.epochHoldOut());
        assertEquals(ClassWeighting.NONE, plain.classWeighting());
        assertEquals(5, plain.seed());

        TrainingConfig changed = of(new CascadeConfig.StageRecipe("reference", 4, 2e-5, "sqrt")).stage1();
        assertEquals(4, changed.epochs());
        assertEquals(2e-5, changed.learningRate());
        assertEquals(ClassWeighting.SQRT_INVERSE, changed.classWeighting());
        assertFalse(changed.clsPooler(), "the values not given stay the recipe's");

        TrainingConfig lpft = of(new CascadeConfig.StageRecipe("lp-ft", null, null, null)).stage1();
        assertTrue(lpft.clsPooler());
        assertEquals(3, lpft.headEpochs());
        assertEquals(0.1, lpft.epochHoldOut());
    }
}

package org.quotelab.ml.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.quotelab.ml.text.PaddingMode;

/**
 * Named fine-tune presets: the one place that says what each recipe is. {@code quotelab train
 * --recipe}, {@code quotelab cascade train --recipe} and the product's stage-1 default read them
 * here; an explicit option still overrides a preset's value. docs/results/stage1-semeval.md reports
 * what each one measured and docs/decisions/0021-stage1-recipe.md why {@link #DEFAULT} is the default.
 */
public enum TrainingRecipe {

    /**
     * The plain PyTorch fine-tune that QuoteLab's figures are compared with: mean pooling, a linear
     * head, dropout 0.1, AdamW lr 5e-5 with weight decay 0.01, 10 % linear warm-up then linear
     * decay, batch 16, 3 epochs, length-grouped batches, every training row, the last epoch kept.
     */
    REFERENCE("reference") {
        @Override
        public TrainingConfig.Builder builder() {
            return TrainingConfig.builder().clsPooler(false).dropout(0.1).learningRate(5e-5).weightDecay(0.01)
                    .warmupFraction(0.1).batchSize(16).epochs(3).paddingMode(PaddingMode.LENGTH_BUCKETS)
                    .classWeighting(ClassWeighting.NONE).epochHoldOut(0);
        }
    },
    /** The seed's recipe: BERT's [CLS] pooler, lr 3e-5, 3 epochs, 10 % held out to keep the best epoch by macro-F1. */
    CLS_HOLDOUT("cls-holdout") {
        @Override
        public TrainingConfig.Builder builder() {
            return TrainingConfig.builder().clsPooler(true).learningRate(3e-5).epochs(3).epochHoldOut(0.1)
                    .selectionMetric(SelectionMetric.MACRO_F1);
        }
    },
    /**
     * Linear probing, then fine-tuning: 3 epochs train only the pooler and classifier on the frozen
     * encoder at lr 1e-2, then the whole model 3 epochs at lr 5e-5; [CLS] pooler, 10 % held out.
     */
    LP_FT("lp-ft") {
        @Override
        public TrainingConfig.Builder builder() {
            return TrainingConfig.builder().clsPooler(true).learningRate(5e-5).epochs(3).headEpochs(3)
                    .headLearningRate(1e-2).epochHoldOut(0.1).selectionMetric(SelectionMetric.MACRO_F1);
        }
    };

    /** The product's stage-1 recipe: chosen on se15_train -> se15_test with 3 seeds (ADR 0021). */
    public static final TrainingRecipe DEFAULT = REFERENCE;

    private final String label;

    TrainingRecipe(String label) {
        this.label = label;
    }

    /** The preset's values; the caller sets the seed and anything the user overrides. */
    public abstract TrainingConfig.Builder builder();

    /** The name on the command line. */
    public String label() {
        return label;
    }

    /** By its command-line name, case-insensitive; the message lists the known names. */
    public static TrainingRecipe named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown recipe '" + name + "'; known: " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(TrainingRecipe::label).collect(Collectors.joining(", "));
    }
}

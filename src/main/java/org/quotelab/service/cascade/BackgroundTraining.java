package org.quotelab.service.cascade;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.TrainingCancelledException;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.service.FineTuneProgress;

/**
 * A tiny-BERT cascade fine-tune that keeps a core busy the way the app's own training job does,
 * for as long as its caller wants: the load under which {@code bench ui-stall} and its test
 * measure the UI. The tiny model competes for the cores without the bundled model's minutes of work.
 */
public final class BackgroundTraining {
    private static final CascadeConfig TINY;

    static {
        TrainingConfig t = TrainingConfig.builder().epochs(50).batchSize(8).learningRate(1e-3).seed(3).build();
        TINY = CascadeConfig.defaults(BertModels.TINY).withStages(t, t).withConstruction(Construction.SEED);
    }

    private BackgroundTraining() {
    }

    /** Trains on {@code quotes} into {@code out} until {@code stop} is true; counts optimiser steps in {@code steps}. */
    public static void runUntil(List<LabelledText> quotes, Path out, BooleanSupplier stop, AtomicLong steps)
            throws Exception {
        FineTuneProgress count = new FineTuneProgress() {
            @Override
            public void onStep(Step step) {
                steps.incrementAndGet();
            }
        };
        try {
            new CascadeTrainer(count, phase -> { }).train(quotes, TINY, out, stop);
        } catch (TrainingCancelledException expected) {
            // stopped by the caller
        }
    }
}

package org.quotelab.service.training;

import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.Construction;

/**
 * The hyper-parameters a person sets for a full fine-tune, in plain values for a form; the rest
 * of the recipe stays at the {@code quotelab cascade train} defaults.
 */
public record FineTuneOptions(Stages stages, String baseModel, int stage1Epochs, double stage1LearningRate,
                              int stage2Epochs, double stage2LearningRate, int batchSize, Construction construction,
                              DeviceChoice device) {

    public static FineTuneOptions defaults() {
        FineTuneRequest d = FineTuneRequest.defaults();
        CascadeConfig c = d.config();
        return new FineTuneOptions(d.stages(), c.baseModel(), c.stage1().epochs(), c.stage1().learningRate(),
                c.stage2().epochs(), c.stage2().learningRate(), c.stage1().batchSize(), c.construction(), d.device());
    }

    public FineTuneOptions withStages(Stages s) {
        return new FineTuneOptions(s, baseModel, stage1Epochs, stage1LearningRate, stage2Epochs, stage2LearningRate,
                batchSize, construction, device);
    }

    /** Throws IllegalArgumentException with a readable message when a value is out of range. */
    public FineTuneRequest toRequest() {
        CascadeConfig d = CascadeConfig.defaults(baseModel);
        TrainingConfig s1 = d.stage1().toBuilder().epochs(stage1Epochs).learningRate(stage1LearningRate)
                .batchSize(batchSize).build();
        TrainingConfig s2 = d.stage2().toBuilder().epochs(stage2Epochs).learningRate(stage2LearningRate)
                .batchSize(batchSize).build();
        return new FineTuneRequest(stages, d.withStages(s1, s2).withConstruction(construction), device);
    }
}

package org.quotelab.service.training;

import org.quotelab.ml.train.BertModels;
import org.quotelab.service.cascade.CascadeConfig;

/** A full fine-tune from the store's labelled quotes: which stages, how (the cascade recipe), and where. */
public record FineTuneRequest(Stages stages, CascadeConfig config, DeviceChoice device) {

    public FineTuneRequest {
        if (stages == null || config == null || device == null) {
            throw new IllegalArgumentException("stages, config and device are required");
        }
    }

    /** Both stages with the recipe of {@code quotelab cascade train} on the bundled model. */
    public static FineTuneRequest defaults() {
        return new FineTuneRequest(Stages.BOTH, CascadeConfig.defaults(BertModels.BUNDLED), DeviceChoice.AUTO);
    }
}

package org.quotelab.service.training;

import java.util.List;
import org.quotelab.domain.continual.PromotionGate;
import org.quotelab.ml.train.BertModels;
import org.quotelab.service.continual.Strategy;
import org.quotelab.service.continual.UpdateSettings;

/**
 * A continual update of the active cascade from new batches.
 *
 * @param batchIds the batches to learn; empty = those the active cascade has not learned yet
 */
public record UpdateRequest(List<Long> batchIds, Strategy strategy, UpdateSettings settings, PromotionGate gate,
                            DeviceChoice device) {

    public UpdateRequest {
        batchIds = List.copyOf(batchIds);
    }

    /** The {@code quotelab update} defaults: replay strategy, 2 epochs at lr 5e-5 (measured in ADR 0008), the default promotion gate. */
    public static UpdateRequest defaults() {
        return new UpdateRequest(List.of(), Strategy.parse(Strategy.DEFAULT), UpdateSettings.defaults(BertModels.BUNDLED),
                PromotionGate.defaults(), DeviceChoice.AUTO);
    }
}

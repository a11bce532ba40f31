package org.quotelab.service.continual;

import java.util.List;

/** One batch ("day") of a stream: the part an update learns from and its held-out validation part. */
public record StreamBatch(String name, List<LabelledQuote> train, List<LabelledQuote> validation) {

    public StreamBatch {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }
}

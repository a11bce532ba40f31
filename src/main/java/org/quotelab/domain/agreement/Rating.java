package org.quotelab.domain.agreement;

import java.util.Objects;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;

/** One annotator's latest label of one quote, in batch {@code batchId}. */
public record Rating(long quoteId, long batchId, String annotator, QuoteLabel label) {

    public Rating {
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(label, "label");
    }

    /** The class compared: {@value QuoteFilter#OUT_OF_TOPIC} for out-of-topic, else the topic ("1" when it has none). */
    public String value() {
        return valueOf(label);
    }

    public static String valueOf(QuoteLabel label) {
        if (!label.inTopic()) {
            return QuoteFilter.OUT_OF_TOPIC;
        }
        return label.topic() == null ? "1" : label.topic();
    }
}

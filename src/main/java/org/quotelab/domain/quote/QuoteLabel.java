package org.quotelab.domain.quote;

import java.util.Objects;

/**
 * A binary label (1 = in-topic) and, for in-topic quotes, the topic. Out-of-topic labels never
 * carry a topic, so stage 2's "not pertinent" class is simply label 0.
 */
public record QuoteLabel(int label, String topic) {

    public QuoteLabel {
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("label must be 0 or 1, got " + label);
        }
        if (topic != null && topic.isBlank()) {
            topic = null;
        }
        if (label == 0 && topic != null) {
            throw new IllegalArgumentException("an out-of-topic label (0) cannot have a topic: " + topic);
        }
    }

    public static QuoteLabel outOfTopic() {
        return new QuoteLabel(0, null);
    }

    public static QuoteLabel inTopic(String topic) {
        return new QuoteLabel(1, Objects.requireNonNull(topic, "topic"));
    }

    public boolean inTopic() {
        return label == 1;
    }
}

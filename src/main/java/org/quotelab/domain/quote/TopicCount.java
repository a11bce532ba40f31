package org.quotelab.domain.quote;

/** A topic of the stable label set with its position (class index order) and labelled count. */
public record TopicCount(int ordinal, String topic, long count) {
}

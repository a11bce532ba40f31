package org.quotelab.domain.cascade;

/**
 * A quote with its two-stage truth: in-topic or not, and its topic when in-topic.
 *
 * @param topic null or blank when the quote is out-of-topic
 */
public record LabelledText(String text, boolean inTopic, String topic) {

    public LabelledText {
        if (text == null) {
            throw new IllegalArgumentException("text is missing");
        }
        if (inTopic && (topic == null || topic.isBlank())) {
            throw new IllegalArgumentException("in-topic quote without a topic: " + text);
        }
        topic = inTopic ? topic.trim() : null;
    }
}

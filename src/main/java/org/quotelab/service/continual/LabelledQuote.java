package org.quotelab.service.continual;

/** A labelled quote as the updater sees it: a stable id (for the replay memory), its text and class label. */
public record LabelledQuote(long id, String text, String label) {
}

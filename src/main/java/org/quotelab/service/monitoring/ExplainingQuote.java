package org.quotelab.service.monitoring;

/**
 * A quote that explains a batch's drift alert: among those farthest from the reference (highest
 * MMD witness), strongest first.
 *
 * @param predicted the cascade's class ("0" = out-of-topic / not pertinent), or null when unscored
 * @param truth     the label's class, or null when unlabelled
 */
public record ExplainingQuote(long quoteId, long batchId, String day, String text, String predicted,
                              double confidence, String truth) {
}

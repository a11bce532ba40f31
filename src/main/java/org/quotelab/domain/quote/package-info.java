/**
 * Quotes, batches, labels and predictions: what the store keeps per quote and hands to the ML,
 * service and UI layers (review rows, pages, filters, label changes, replay entries). Pure Java;
 * may use other {@code domain} packages only.
 */
package org.quotelab.domain.quote;

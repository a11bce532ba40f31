/**
 * How unlike the training quotes a quote is: feature statistics (mean and shrunk precision of the
 * stage-1 encoder features), the Mahalanobis distance, the cut-off calibrated on held-out quotes,
 * and the share of flagged quotes in a batch with its Wilson interval. Pure Java; may use the
 * other domain packages.
 */
package org.quotelab.domain.unfamiliar;

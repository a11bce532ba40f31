/**
 * Probability calibration: temperature scaling and reliability diagrams. Pure Java; may use
 * domain.metrics only.
 */
package org.quotelab.domain.calibration;

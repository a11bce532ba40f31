/**
 * Drift statistics: MMD permutation test, distribution and confidence shifts, per-batch verdicts.
 * Pure Java; may use the other domain packages.
 */
package org.quotelab.domain.drift;

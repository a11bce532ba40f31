/**
 * Drift statistics: MMD permutation test, distribution and confidence shifts, share tests,
 * multiple-testing corrections (Holm, Benjamini-Hochberg), effect sizes with 95 % intervals
 * (Wilson, Newcombe) and per-batch verdicts graded none / minor / moderate / major.
 * Pure Java; may use the other domain packages.
 */
package org.quotelab.domain.drift;

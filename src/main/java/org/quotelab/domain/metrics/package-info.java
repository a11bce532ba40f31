/**
 * Classification metrics: per-class precision, recall and F1, confusion matrices and reports, and
 * the uncertainty of each figure (support, Wilson intervals for proportions, a seeded bootstrap
 * over quotes for F1).
 * Pure Java; depends on no other package.
 */
package org.quotelab.domain.metrics;

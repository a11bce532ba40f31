/**
 * Classification metrics: per-class precision, recall and F1, confusion matrices and reports.
 * Pure Java; depends on no other package.
 */
package org.quotelab.domain.metrics;

/**
 * Agreement between annotators: each annotator's latest label of a quote (after undo), Cohen's
 * kappa for a pair, Krippendorff's alpha (nominal, any number of annotators, missing values) over
 * all quotes, per batch and per class, each with a seeded bootstrap interval over quotes, and the
 * quotes whose annotators disagree. The value compared is the full label: out-of-topic (class 0)
 * or the topic. Pure Java; uses domain.quote and domain.metrics.
 */
package org.quotelab.domain.agreement;

/**
 * Inference: class probabilities and sentence embeddings over length-grouped batches, with grad
 * mode off, results in input order; saved versions opened for scoring, the check that a version
 * can serve before it is activated, and the libtorch thread policy. Scorers are thread-confined.
 * May use DJL, {@code ml.model}, {@code ml.text}, {@code ml.versions}, {@code ml.bert} and
 * {@code domain}; never training code.
 */
package org.quotelab.ml.infer;

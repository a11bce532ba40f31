/**
 * Inference: class probabilities and sentence embeddings over length-grouped batches, with grad
 * mode off, results in input order, and saved versions opened for scoring. Scorers are
 * thread-confined. May use DJL, {@code ml.model}, {@code ml.text}, {@code ml.versions},
 * {@code ml.bert} and {@code domain}; it uses {@code ml.train} only to open a saved version and
 * to find the validation split a version held out ({@code UnfamiliarFit}, the feature statistics
 * of the unfamiliar score).
 */
package org.quotelab.ml.infer;

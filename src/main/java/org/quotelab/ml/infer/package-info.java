/**
 * Inference: class probabilities and sentence embeddings over length-grouped batches, with grad
 * mode off, results in input order, and saved versions opened for scoring. A {@code Scorer} is
 * thread-confined; a {@code VersionScorer} takes callers in turn, so {@code LoadedModels} can
 * share one loaded copy of each version with every job of the process. {@code NativeMemory}
 * hands freed native memory back to the system after a training job. May use DJL, {@code ml.model}, {@code ml.text}, {@code ml.versions},
 * {@code ml.bert} and {@code domain}; it uses {@code ml.train} only to open a saved version.
 */
package org.quotelab.ml.infer;

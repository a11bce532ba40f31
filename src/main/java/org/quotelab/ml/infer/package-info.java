/**
 * Inference: class probabilities and sentence embeddings over length-grouped batches, with grad
 * mode off, results in input order; saved versions opened for scoring, the check that a version
 * can serve before it is activated, and the libtorch thread policy. A {@code Scorer} is
 * thread-confined; a {@code VersionScorer} takes callers in turn, so {@code LoadedModels} can
 * share one loaded copy of each version with every job of a workbench (one instance, created and
 * closed by the composition root). {@code NativeMemory} hands the freed Java heap and native
 * memory back to the system after a model load and around a training job.
 * May use DJL, {@code ml.model}, {@code ml.text}, {@code ml.versions}, {@code ml.bert} and
 * {@code domain}; never training code.
 */
package org.quotelab.ml.infer;

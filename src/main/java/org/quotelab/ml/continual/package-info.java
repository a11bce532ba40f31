/**
 * Continual updates of a saved version: {@link org.quotelab.ml.continual.ContinualTrainer}
 * continues a version on new texts, optionally with online EWC (the Fisher estimate, the penalty
 * and the Fisher file saved beside the new version), and saves the result atomically. The EWC
 * penalty follows the scalar rule of docs/decisions/0004-fine-tuning.md. May use DJL,
 * {@code ml.train}, {@code ml.versions}, {@code ml.model}, {@code ml.text}, {@code ml.weights}
 * and {@code domain}.
 */
package org.quotelab.ml.continual;

/**
 * The classifier a job works on: {@link org.quotelab.ml.model.QuoteClassifier} (a DJL Model with
 * its BERT block and tokenizer) and the factories that build it from the bundled MiniLM, a Hugging
 * Face folder or random weights, the {@link org.quotelab.ml.model.ClassifierModel} view the trainer
 * and version files use, the label map, the finite-weights check, and the device:
 * {@link org.quotelab.ml.model.ComputeDevice} is what every loader takes from its caller, and
 * {@link org.quotelab.ml.model.Devices} turns it into DJL's device (nothing remembers a choice).
 * May use DJL, {@code ml.bert}, {@code ml.weights}, {@code ml.text} and {@code domain}; never
 * version, inference or training code.
 */
package org.quotelab.ml.model;

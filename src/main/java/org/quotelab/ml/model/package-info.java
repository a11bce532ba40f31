/**
 * The classifier a job works on: {@link org.quotelab.ml.model.QuoteClassifier} (a DJL Model with
 * its BERT block and tokenizer) and the factories that build it from the bundled MiniLM, a Hugging
 * Face folder or random weights, the {@link org.quotelab.ml.model.ClassifierModel} view the trainer
 * and version files use, the label map, the device choice and the no-grad scope. May use DJL,
 * {@code ml.bert}, {@code ml.weights}, {@code ml.text} and {@code domain}; never training, versions
 * or inference code.
 */
package org.quotelab.ml.model;

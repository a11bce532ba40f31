/**
 * Inference: the tokenizer, length-grouped token batches, the scorer and the device and thread
 * choice of the engine. May use DJL, the other ml packages and domain.
 */
package org.quotelab.ml.infer;

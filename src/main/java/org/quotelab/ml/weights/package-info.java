/**
 * Pretrained and saved weights: safetensors read and write, the bundled ONNX MiniLM, random
 * initialisation, weight transfer, and the no-grad scope every in-place write of weights runs
 * in. May use DJL's arrays, Jackson through ml.Json and the JDK; not the other ml packages.
 */
package org.quotelab.ml.weights;

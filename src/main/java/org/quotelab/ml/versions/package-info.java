/**
 * Model versions on disk: Hugging Face folders (config.json, model.safetensors, tokenizer files)
 * with label_map.json and provenance.json, written into a hidden folder and renamed atomically,
 * and the provenance facts recorded with them (data set hash, run environment, report JSON).
 * May use DJL, {@code ml.model}, {@code ml.weights} and {@code domain}; it uses {@code ml.train}
 * only for the finite-weights check before a save.
 */
package org.quotelab.ml.versions;

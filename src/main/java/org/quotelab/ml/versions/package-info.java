/**
 * Model versions on disk: Hugging Face folders (config.json, model.safetensors, tokenizer files)
 * with label_map.json and provenance.json, written into a hidden folder and renamed atomically
 * ({@link org.quotelab.ml.versions.ModelFolders}), and the provenance facts recorded with them
 * (data set hash, run environment, report JSON). May use DJL, {@code ml.model},
 * {@code ml.weights} and {@code domain}; never inference or training code.
 */
package org.quotelab.ml.versions;
